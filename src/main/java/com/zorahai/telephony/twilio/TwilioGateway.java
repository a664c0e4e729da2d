package com.zorahai.telephony.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Address;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumberCreator;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Mobile;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.TollFree;
import com.twilio.type.PhoneNumber;
import com.twilio.type.PhoneNumberCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's phone-number and address APIs through the official SDK. Every call names the account it acts for;
 * failures come back as {@link TwilioFailure} with Twilio's error code.
 */
public class TwilioGateway {

    private static final Logger log = LoggerFactory.getLogger(TwilioGateway.class);

    private final HttpClient http;

    TwilioGateway(HttpClient http) {
        this.http = http;
    }

    /** Numbers for sale, at most {@code search.limit()}, cheapest query Twilio offers (one page). */
    public List<AvailableNumber> search(TwilioAccount account, NumberSearch search) {
        TwilioRestClient client = client(account);
        long pageSize = search.limit();
        return call("search", () -> switch (search.type()) {
            case LOCAL -> {
                var reader = Local.reader(account.accountSid(), search.country()).setPageSize(pageSize);
                if (search.areaCode() != null) {
                    reader.setAreaCode(search.areaCode());
                }
                if (search.contains() != null) {
                    reader.setContains(search.contains());
                }
                if (search.voiceEnabled()) {
                    reader.setVoiceEnabled(true);
                }
                yield take(reader.firstPage(client).getRecords(), search.limit(), n -> new AvailableNumber(
                        text(n.getPhoneNumber()), text(n.getFriendlyName()), n.getLocality(), n.getRegion(),
                        n.getIsoCountry(), n.getPostalCode(), n.getAddressRequirements(),
                        voice(n.getCapabilities()), sms(n.getCapabilities()), mms(n.getCapabilities())));
            }
            case MOBILE -> {
                var reader = Mobile.reader(account.accountSid(), search.country()).setPageSize(pageSize);
                if (search.areaCode() != null) {
                    reader.setAreaCode(search.areaCode());
                }
                if (search.contains() != null) {
                    reader.setContains(search.contains());
                }
                if (search.voiceEnabled()) {
                    reader.setVoiceEnabled(true);
                }
                yield take(reader.firstPage(client).getRecords(), search.limit(), n -> new AvailableNumber(
                        text(n.getPhoneNumber()), text(n.getFriendlyName()), n.getLocality(), n.getRegion(),
                        n.getIsoCountry(), n.getPostalCode(), n.getAddressRequirements(),
                        voice(n.getCapabilities()), sms(n.getCapabilities()), mms(n.getCapabilities())));
            }
            case TOLL_FREE -> {
                var reader = TollFree.reader(account.accountSid(), search.country()).setPageSize(pageSize);
                if (search.areaCode() != null) {
                    reader.setAreaCode(search.areaCode());
                }
                if (search.contains() != null) {
                    reader.setContains(search.contains());
                }
                if (search.voiceEnabled()) {
                    reader.setVoiceEnabled(true);
                }
                yield take(reader.firstPage(client).getRecords(), search.limit(), n -> new AvailableNumber(
                        text(n.getPhoneNumber()), text(n.getFriendlyName()), n.getLocality(), n.getRegion(),
                        n.getIsoCountry(), n.getPostalCode(), n.getAddressRequirements(),
                        voice(n.getCapabilities()), sms(n.getCapabilities()), mms(n.getCapabilities())));
            }
        });
    }

    /** Buys the number for the account, with the address and bundle its regulations need. */
    public PurchasedNumber purchase(TwilioAccount account, NumberPurchase purchase) {
        TwilioRestClient client = client(account);
        return call("purchase", () -> {
            IncomingPhoneNumberCreator creator = IncomingPhoneNumber.creator(account.accountSid(),
                    new PhoneNumber(purchase.phoneNumber()));
            if (purchase.friendlyName() != null) {
                creator.setFriendlyName(purchase.friendlyName());
            }
            if (purchase.addressSid() != null) {
                creator.setAddressSid(purchase.addressSid());
            }
            if (purchase.bundleSid() != null) {
                creator.setBundleSid(purchase.bundleSid());
            }
            IncomingPhoneNumber number = creator.create(client);
            return new PurchasedNumber(number.getSid(), text(number.getPhoneNumber()), number.getFriendlyName(),
                    number.getAccountSid() == null ? account.accountSid() : number.getAccountSid());
        });
    }

    /** Releases the number; a number Twilio no longer has counts as released. */
    public void release(TwilioAccount account, String sid) {
        TwilioRestClient client = client(account);
        try {
            call("release", () -> IncomingPhoneNumber.deleter(account.accountSid(), sid).delete(client));
        } catch (TwilioFailure failure) {
            if (!failure.notFound()) {
                throw failure;
            }
            log.info("Twilio number {} was already released", sid);
        }
    }

    /** Registers an address; Twilio answers whether it could validate it. */
    public RegisteredAddress createAddress(TwilioAccount account, AddressDraft draft) {
        TwilioRestClient client = client(account);
        return call("create-address", () -> {
            var creator = Address.creator(account.accountSid(), draft.customerName(), draft.street(), draft.city(),
                    draft.region(), draft.postalCode(), draft.isoCountry());
            if (draft.streetSecondary() != null) {
                creator.setStreetSecondary(draft.streetSecondary());
            }
            if (draft.friendlyName() != null) {
                creator.setFriendlyName(draft.friendlyName());
            }
            if (draft.emergencyEnabled()) {
                creator.setEmergencyEnabled(true);
            }
            creator.setAutoCorrectAddress(true);
            return address(creator.create(client));
        });
    }

    /** The address as Twilio holds it now, with its validation state. */
    public RegisteredAddress fetchAddress(TwilioAccount account, String sid) {
        TwilioRestClient client = client(account);
        return call("fetch-address", () -> address(Address.fetcher(account.accountSid(), sid).fetch(client)));
    }

    private TwilioRestClient client(TwilioAccount account) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).httpClient(http).build();
    }

    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiConnectionException ex) {
            log.warn("Twilio {} failed: Twilio could not be reached", operation);
            throw new TwilioFailure(null, null, "Twilio could not be reached", ex);
        } catch (ApiException ex) {
            log.warn("Twilio {} failed: HTTP {}, code {}", operation, ex.getStatusCode(), ex.getCode());
            throw new TwilioFailure(ex.getCode(), ex.getStatusCode(), "Twilio refused the request", ex);
        }
    }

    private static RegisteredAddress address(Address a) {
        return new RegisteredAddress(a.getSid(), a.getCustomerName(), a.getStreet(), a.getStreetSecondary(),
                a.getCity(), a.getRegion(), a.getPostalCode(), a.getIsoCountry(), a.getFriendlyName(),
                Boolean.TRUE.equals(a.getEmergencyEnabled()), a.getValidated(), a.getVerified());
    }

    private static <S> List<AvailableNumber> take(List<S> records, int limit,
            java.util.function.Function<S, AvailableNumber> mapper) {
        List<AvailableNumber> result = new ArrayList<>();
        for (S record : records) {
            if (result.size() >= limit) {
                break;
            }
            result.add(mapper.apply(record));
        }
        return result;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean voice(PhoneNumberCapabilities c) {
        return c != null && c.getVoice();
    }

    private static boolean sms(PhoneNumberCapabilities c) {
        return c != null && c.getSms();
    }

    private static boolean mms(PhoneNumberCapabilities c) {
        return c != null && c.getMms();
    }
}
