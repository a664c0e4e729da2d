package com.zorahai.telephony.internal;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.twilio.AddressDraft;
import com.zorahai.telephony.twilio.AvailableNumber;
import com.zorahai.telephony.twilio.NumberPurchase;
import com.zorahai.telephony.twilio.NumberSearch;
import com.zorahai.telephony.twilio.PurchasedNumber;
import com.zorahai.telephony.twilio.RegisteredAddress;
import com.zorahai.telephony.twilio.TwilioAccount;
import com.zorahai.telephony.twilio.TwilioFailure;
import com.zorahai.telephony.twilio.TwilioGateway;
import com.zorahai.telephony.vapi.VapiClient;
import com.zorahai.telephony.vapi.VapiFailure;
import com.zorahai.telephony.vapi.VapiNumber;
import com.zorahai.telephony.vapi.VapiNumberImport;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Buying, importing, assigning and releasing a tenant's phone numbers, and its regulatory addresses. Twilio holds
 * the number, VAPI answers it and posts the call's messages to {@code <base-url>/webhooks/vapi/<tenant>} with the
 * tenant's webhook secret. Without credentials every call to a provider answers 503
 * {@code telephony-not-configured}; the lists come from the database and keep working.
 */
@Service
public class Provisioning {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private final TwilioGateway twilio;
    private final VapiClient vapi;
    private final TwilioAccounts accounts;
    private final PhoneNumberStore numbers;
    private final AddressStore addresses;
    private final TelephonyProperties properties;

    Provisioning(TwilioGateway twilio, VapiClient vapi, TwilioAccounts accounts, PhoneNumberStore numbers,
            AddressStore addresses, TelephonyProperties properties) {
        this.twilio = twilio;
        this.vapi = vapi;
        this.accounts = accounts;
        this.numbers = numbers;
        this.addresses = addresses;
        this.properties = properties;
    }

    /** A number to buy, checked by the controller's mapping; {@code assistantKey} null for per-call choice. */
    public record Purchase(String phoneNumber, String isoCountry, String numberType, UUID addressId,
            String bundleSid, String friendlyName, String assistantKey) {
    }

    /** A number with VAPI's view of it, when VAPI could be asked. */
    public record NumberWithAssistant(PhoneNumberRecord number, String assistantId, String vapiStatus,
            boolean vapiSynced) {
    }

    public List<AvailableNumber> search(TenantId tenant, NumberSearch search) {
        TwilioAccount account = accounts.require(tenant);
        try {
            return twilio.search(account, search);
        } catch (TwilioFailure failure) {
            throw TelephonyProblems.twilio(failure);
        }
    }

    /**
     * Buys the number through Twilio and imports it into VAPI. A number bought but refused by VAPI is kept with
     * status {@code import_failed} (it is paid for); changing its assistant tries the import again.
     */
    public PhoneNumberRecord purchase(Tenant tenant, Purchase purchase) {
        TenantId tenantId = tenant.id();
        TwilioAccount account = accounts.require(tenantId);
        requireVapi();
        String secret = requireSecret(tenant);
        String assistantId = purchase.assistantKey() == null
                ? null
                : Assistants.id(tenant, purchase.assistantKey()).orElseThrow();
        String addressSid = null;
        if (purchase.addressId() != null) {
            addressSid = addresses.find(tenantId, purchase.addressId())
                    .map(AddressRecord::twilioSid)
                    .orElseThrow(() -> ProblemException.invalidField("address_id", "is not an address of yours"));
        }
        if (numbers.liveElsewhere(purchase.phoneNumber())) {
            throw ProblemException.of(HttpStatus.CONFLICT, "number-in-use", "Number in use",
                    "This number is already in use on the platform.");
        }
        PurchasedNumber bought;
        try {
            bought = twilio.purchase(account, new NumberPurchase(purchase.phoneNumber(), purchase.friendlyName(),
                    addressSid, purchase.bundleSid()));
        } catch (TwilioFailure failure) {
            throw TelephonyProblems.twilio(failure);
        }
        log.info("Bought Twilio number {} for tenant {}", bought.sid(), tenantId);
        PhoneNumberRecord row = new PhoneNumberRecord(UUID.randomUUID(), tenantId.value(),
                bought.phoneNumber() == null ? purchase.phoneNumber() : bought.phoneNumber(), purchase.isoCountry(),
                purchase.numberType(), purchase.friendlyName(), bought.sid(), bought.accountSid(),
                purchase.addressId(), purchase.bundleSid(), null, purchase.assistantKey(), "import_failed",
                "not imported yet", null, null, null);
        if (!numbers.insert(row)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "number-in-use", "Number in use",
                    "This number is already in use on the platform.");
        }
        importIntoVapi(tenant, row, account, secret, assistantId);
        return numbers.find(tenantId, row.id()).orElseThrow();
    }

    /** The tenant's numbers, with the assistant VAPI has on each when VAPI answers. */
    public Page<NumberWithAssistant> list(Tenant tenant, int page, int size) {
        List<PhoneNumberRecord> rows = numbers.list(tenant.id(), page, size);
        long total = numbers.count(tenant.id());
        Map<String, VapiNumber> remote = new HashMap<>();
        boolean synced = false;
        if (properties.vapi().configured() && rows.stream().anyMatch(r -> r.vapiPhoneNumberId() != null)) {
            try {
                vapi.listNumbers().forEach(n -> remote.put(n.id(), n));
                synced = true;
            } catch (VapiFailure failure) {
                log.warn("Listing numbers of tenant {} without VAPI's view: {}", tenant.id(), failure.getMessage());
            }
        }
        boolean vapiSynced = synced;
        return new Page<>(rows.stream().map(row -> {
            VapiNumber live = row.vapiPhoneNumberId() == null ? null : remote.get(row.vapiPhoneNumberId());
            String assistantId = live != null
                    ? live.assistantId()
                    : Assistants.id(tenant, row.assistantKey()).orElse(null);
            return new NumberWithAssistant(row, assistantId, live == null ? null : live.status(),
                    vapiSynced && live != null);
        }).toList(), page, size, total);
    }

    public NumberWithAssistant get(Tenant tenant, UUID id) {
        PhoneNumberRecord row = numbers.find(tenant.id(), id)
                .orElseThrow(() -> ProblemException.notFound("phone-number", id));
        return new NumberWithAssistant(row, Assistants.id(tenant, row.assistantKey()).orElse(null), null, false);
    }

    /**
     * Gives the number another assistant ({@code null}: chosen per call by time of day). A number VAPI has not
     * imported yet is imported now.
     */
    public PhoneNumberRecord changeAssistant(Tenant tenant, UUID id, String assistantKey) {
        PhoneNumberRecord row = numbers.find(tenant.id(), id)
                .orElseThrow(() -> ProblemException.notFound("phone-number", id));
        requireVapi();
        String assistantId = assistantKey == null ? null : Assistants.id(tenant, assistantKey).orElseThrow();
        if (row.vapiPhoneNumberId() == null) {
            TwilioAccount account = accounts.require(tenant.id());
            numbers.assistant(row.id(), assistantKey);
            PhoneNumberRecord updated = numbers.find(tenant.id(), id).orElseThrow();
            importIntoVapi(tenant, updated, account, requireSecret(tenant), assistantId);
            PhoneNumberRecord result = numbers.find(tenant.id(), id).orElseThrow();
            if (!result.active()) {
                throw ProblemException.of(HttpStatus.BAD_GATEWAY, "vapi-import-failed", "VAPI import failed",
                        "The number could not be imported into VAPI; try again later.")
                        .with("phone_number_id", id.toString());
            }
            return result;
        }
        try {
            vapi.assignAssistant(row.vapiPhoneNumberId(), assistantId);
        } catch (VapiFailure failure) {
            throw TelephonyProblems.vapi(failure);
        }
        numbers.assistant(row.id(), assistantKey);
        return numbers.find(tenant.id(), id).orElseThrow();
    }

    /** Removes the number from VAPI and releases it at Twilio; it then leaves the tenant's list. */
    public void release(Tenant tenant, UUID id) {
        PhoneNumberRecord row = numbers.find(tenant.id(), id)
                .orElseThrow(() -> ProblemException.notFound("phone-number", id));
        TwilioAccount account = accounts.require(tenant.id());
        if (row.vapiPhoneNumberId() != null) {
            requireVapi();
            try {
                vapi.deleteNumber(row.vapiPhoneNumberId());
            } catch (VapiFailure failure) {
                throw TelephonyProblems.vapi(failure);
            }
        }
        try {
            twilio.release(account, row.twilioSid());
        } catch (TwilioFailure failure) {
            throw TelephonyProblems.twilio(failure);
        }
        numbers.released(row.id());
        log.info("Released number {} of tenant {}", row.twilioSid(), tenant.id());
    }

    public AddressRecord createAddress(TenantId tenant, AddressDraft draft) {
        TwilioAccount account = accounts.require(tenant);
        RegisteredAddress registered;
        try {
            registered = twilio.createAddress(account, draft);
        } catch (TwilioFailure failure) {
            throw TelephonyProblems.twilio(failure);
        }
        return addresses.insert(tenant, registered);
    }

    public Page<AddressRecord> addresses(TenantId tenant, int page, int size) {
        return new Page<>(addresses.list(tenant, page, size), page, size, addresses.count(tenant));
    }

    public AddressRecord address(TenantId tenant, UUID id) {
        return addresses.find(tenant, id).orElseThrow(() -> ProblemException.notFound("address", id));
    }

    /** Asks Twilio again whether the address is validated and verified, and keeps the answer. */
    public AddressRecord validateAddress(TenantId tenant, UUID id) {
        AddressRecord address = address(tenant, id);
        TwilioAccount account = accounts.require(tenant);
        try {
            addresses.refreshed(tenant, id, twilio.fetchAddress(account, address.twilioSid()));
        } catch (TwilioFailure failure) {
            throw TelephonyProblems.twilio(failure);
        }
        return address(tenant, id);
    }

    /** The URL VAPI posts the tenant's call messages to. */
    public String webhookUrl(TenantId tenant) {
        return properties.baseUrl().replaceAll("/+$", "") + "/webhooks/vapi/" + tenant.value();
    }

    private void importIntoVapi(Tenant tenant, PhoneNumberRecord row, TwilioAccount account, String secret,
            String assistantId) {
        try {
            VapiNumber imported = vapi.importTwilioNumber(new VapiNumberImport(row.phoneNumber(),
                    row.twilioAccountSid(), account.authToken(), row.friendlyName(), assistantId,
                    webhookUrl(tenant.id()), secret, properties.webhook().timeoutSeconds()));
            numbers.imported(row.id(), imported.id(), row.assistantKey());
            log.info("Imported number {} of tenant {} into VAPI as {}", row.twilioSid(), tenant.id(),
                    imported.id());
        } catch (VapiFailure failure) {
            numbers.importFailed(row.id(), failure.status() == null
                    ? "VAPI could not be reached"
                    : "VAPI answered HTTP " + failure.status());
            log.warn("Number {} of tenant {} bought but not imported into VAPI", row.twilioSid(), tenant.id());
        }
    }

    private void requireVapi() {
        if (!properties.vapi().configured()) {
            throw TelephonyProblems.notConfigured("VAPI");
        }
    }

    private static String requireSecret(Tenant tenant) {
        String secret = tenant.voice() == null ? null : tenant.voice().webhookSecret();
        if (!StringUtils.hasText(secret)) {
            throw TelephonyProblems.webhookSecretMissing();
        }
        return secret;
    }
}
