package com.zorahai.ai.rules;

import com.zorahai.ai.Classification;
import com.zorahai.ai.Field;
import com.zorahai.ai.Span;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a travel request from a cleaned email with patterns and word lists: no network, a few hundred microseconds an
 * email. Each value's confidence says how strong the pattern that found it is.
 */
public final class RuleBasedExtractor {

    public static final String ENGINE = "rules";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a|an|a single|single";
    private static final String COUNT = "(\\d{1,2}|" + NUMBER_WORDS + ")";
    private static final String NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("single", 1), Map.entry("a single", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20));

    private static final Pattern QUOTE_REF = Pattern.compile("\\bQ-\\d{3,}(?:-\\d+)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)\\d{1,3}[\\s.-]?(?:\\(0\\)\\s?)?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\d{2,4}){2,4}(?!\\d)"
                    + "|(?<![\\w/.+-])\\(?0\\d{1,4}\\)?(?:[\\s.-]?\\d{2,4}){2,3}(?![\\d/])"
                    + "|(?<![\\w/.+-])\\(\\d{3}\\)\\s?\\d{3}[\\s.-]\\d{4}(?!\\d)"
                    + "|(?<![\\w/.+-])\\d{3}[.-]\\d{3}[.-]\\d{4}(?!\\d)");
    private static final Pattern PHONE_LABEL = Pattern.compile(
            "(phone|tel|cell|mobile|mob|whats\\s?app|call|contact|number|m:|t:|c:)", FLAGS);
    private static final Pattern MY_NAME = Pattern.compile(
            "\\b(?:my name is|this is|i am|i'm)\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");
    private static final Pattern NAME_LINE = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{L}'.-]+(?:\\s+(?:van|de|der|du|le|la|von|da)?\\s*\\p{Lu}[\\p{L}'.-]+){0,3})\\s*[,.]?\\s*$");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "\\b(thanks|thank|regards|best|cheers|sincerely|hi|hello|dear|team|travel|ltd|pty|inc|sent|mobile|manager|director|the|family)\\b",
            FLAGS);

    private static final Pattern ADULTS = Pattern.compile(
            "\\b" + COUNT + "\\s+(?:adults?|grown[- ]ups|ad\\b|pax adults)",
            FLAGS);
    private static final Pattern CHILDREN = Pattern.compile("\\b" + COUNT
            + "\\s+(?:(?:young|little|small)\\s+)?(?:kids?|children|child|chd|boys?|girls?|teenagers?|teens?|sons?|daughters?|infants?|toddlers?|babies|baby)\\b"
            + "(?![- ]?(?:friendly|club|pool|menu|room|activities|stay free))",
            FLAGS);
    private static final Pattern NO_CHILDREN = Pattern.compile(
            "\\b(?:no (?:kids|children)|adults only|just the two of us|without (?:the )?(?:kids|children))\\b", FLAGS);
    private static final String AGE_LIST = "(\\d{1,2}(?:\\s*(?:,|&|and)\\s*\\d{1,2})*)";
    private static final String YEARS = "(?:yrs?|years?(?:\\s+old)?|y/?o)";
    private static final Pattern AGE_AFTER_CHILDREN = Pattern
            .compile("^\\s*(?:\\(|,|-|–)?\\s*(?:(?:aged?|ages|age|who are|of)\\s*:?\\s*"
                    + AGE_LIST + "(?:\\s*" + YEARS + ")?|" + AGE_LIST + "\\s*(?:" + YEARS + "|\\)))", FLAGS);
    private static final Pattern SINGLE_CHILD = Pattern.compile(
            "\\b(?:our|my|a|and)\\s+(?:baby|infant|toddler|little one|son|daughter)\\b", FLAGS);
    private static final Pattern YEAR_OLDS = Pattern.compile("\\b(\\d{1,2})[- ]?(?:year|yr)[- ]?olds?\\b", FLAGS);
    private static final Pattern FAMILY_OF = Pattern.compile("\\bfamily of " + COUNT + "\\b", FLAGS);
    private static final Pattern COUPLE = Pattern.compile(
            "\\b(?:me,? (?:and )?my (?:wife|husband|partner|fianc[ée]e?|girlfriend|boyfriend|spouse)|my (?:wife|husband|partner|fianc[ée]e?|girlfriend|boyfriend|spouse) and (?:I|me|myself)|(?:we are|we're) a couple|for a couple|the two of us|both of us|two of us|our honeymoon|honeymoon)\\b",
            FLAGS);
    private static final Pattern PEOPLE = Pattern
            .compile("\\b(?:party of|group of|we are|we're|there are|there will be)\\s+"
                    + NUMBER + "\\b(?!\\s*(?:nights?|days?|weeks?|years?|adults?|kids|children|stars?|-))", FLAGS);
    private static final Pattern PEOPLE_SUFFIX = Pattern.compile("\\b" + NUMBER
            + "\\s+(?:people|persons|pax|guests|travell?ers|of us)\\b", FLAGS);
    private static final Pattern SOLO = Pattern
            .compile("\\b(?:just me|only me|travell?ing (?:alone|solo)|solo trip|by myself)\\b", FLAGS);

    private static final Pattern NIGHTS = Pattern.compile("\\b" + COUNT + "\\s*(?:-\\s*)?(?:nights?|nts)\\b", FLAGS);
    private static final Pattern WEEKS = Pattern
            .compile("\\b(?:(a|one|1|two|2|three|3)\\s+weeks?|(a\\s+)?fortnight)\\b", FLAGS);

    private static final Pattern MONEY = Pattern.compile(
            "(?<![\\p{L}\\d])(?<cur>R|ZAR|US\\$|USD|\\$|€|EUR|£|GBP)\\s?(?<amt>\\d{1,3}(?:[ ,.'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)\\s?(?<k>[kK]\\b|000\\b)?"
                    + "|(?<![\\p{L}\\d.,])(?<amt2>\\d{1,3}(?:[ ,.'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)\\s?(?<k2>[kK]\\b)?\\s?(?<cur2>ZAR|USD|EUR|GBP|rands?|dollars|euros?|pounds)\\b"
                    + "|(?<![\\p{L}\\d.,])(?<amt3>\\d+(?:[.,]\\d)?)(?<k3>[kK])\\b");
    private static final Pattern BUDGET_WORD = Pattern.compile(
            "\\b(budget|spend|afford|max(?:imum)?|up to|around|about|approx(?:imately)?|no more than|under|less than|looking at|price range|in the region of|per person|pp)\\b",
            FLAGS);
    private static final Pattern PER_PERSON = Pattern.compile(
            "^[\\s,]*(?:pp\\b|p\\.p\\.?|pps\\b|per person|per adult|a person|each|per head|pp sharing|per person sharing)",
            FLAGS);
    private static final Pattern TOTAL = Pattern.compile(
            "^[\\s,]*(?:total|in total|all in|all-in|for (?:the )?(?:whole|entire) (?:trip|family|group|party)|per couple|for (?:all of us|everyone|everything|us all|both of us|the two of us|the family|the couple))",
            FLAGS);

    private static final Pattern ORIGIN = Pattern.compile(
            "\\b(?:from|flying out of|fly out of|flying from|fly from|departing(?: from)?|leaving from|out of|based in|we live in|we're in|we are in|living in|travell?ing from|coming from|ex)\\s+",
            FLAGS);
    private static final Pattern NOT_DESTINATION_BEFORE = Pattern.compile(
            "(?:from|out of|departing|leaving|based in|live in|living in|ex|return(?:ing)? to|back to|home to|we're in|we are in)\\s+$",
            FLAGS);

    private static final Pattern STARS = Pattern.compile(
            "\\b([2-5]|two|three|four|five)\\s*(?:-|\\s)?(?:stars?\\b|\\*)", FLAGS);
    private static final List<Map.Entry<String, Pattern>> BOARD = List.of(
            Map.entry("AI", Pattern.compile("\\ball[- ]?inclusive\\b|\\ball[- ]incl\\b|\\bAI basis\\b", FLAGS)),
            Map.entry("FB", Pattern.compile("\\bfull[- ]board\\b|\\bFB basis\\b", FLAGS)),
            Map.entry("HB", Pattern.compile(
                    "\\bhalf[- ]board\\b|\\bdinner,? bed (?:and|&) breakfast\\b|\\bDBB\\b|\\bbreakfast and dinner\\b|\\bHB basis\\b",
                    FLAGS)),
            Map.entry("BB", Pattern.compile(
                    "\\bB\\s?&\\s?B\\b|\\bbed (?:and|&) breakfast\\b|\\bbreakfast included\\b|\\bwith breakfast\\b|\\bincluding breakfast\\b|\\bBB basis\\b",
                    FLAGS)),
            Map.entry("RO", Pattern.compile("\\broom[- ]only\\b|\\bself[- ]catering\\b|\\bno meals\\b", FLAGS)));
    private static final Pattern SPECIAL = Pattern.compile(
            "\\b(honeymoon|anniversary|birthday|wheelchair|accessible|accessibility|mobility|sea[- ]view|ocean[- ]?view|beach ?front|ocean ?front|connecting rooms?|interleading|inter-leading|cot|crib|vegetarian|vegan|halal|kosher|gluten|allerg\\w*|dietary|airport transfers?|transfers?|late check[- ]?out|early check[- ]?in|quiet room|ground floor|twin beds|king bed|kids'? club|private pool|plunge pool|water villa|surprise|proposal)\\b",
            FLAGS);

    private static final Pattern AUTOMATED_SENDER = Pattern.compile(
            "(no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?@|newsletter|bounce|marketing@|news@|alerts?@|updates@|hello@mail|info@mail)",
            FLAGS);
    private static final Pattern AUTOMATED_TEXT = Pattern.compile(
            "(out of (?:the )?office|automatic reply|auto-?reply|autoreply|auto response|undeliverable|delivery status notification|delivery has failed|unsubscribe|view (?:this email )?in (?:your )?browser|you are receiving this|you received this email|manage (?:your )?preferences|this is an automated|do not reply to this|i am currently away|i'm currently away|limited access to (?:my )?email|seo services|rank (?:your website|on the first page)|crypto|bitcoin|you have won|congratulations,? you|claim your prize|guest post|backlinks|increase your sales|lead generation)",
            FLAGS);
    private static final Pattern SUPPORT = Pattern.compile(
            "\\b(complain\\w*|refund|cancel\\w*|change (?:my|our) (?:booking|flight|dates|reservation)|amend\\w*|booking (?:ref(?:erence)?|number|confirmation)|my booking|our booking|existing booking|invoice|receipt|proof of payment|payment (?:failed|didn't|did not)|charged twice|double charged|lost (?:my|our)|missing|unhappy|disappointed|not happy|problem with|issue with|help with my|voucher|e-?ticket|itinerary (?:for|of) (?:my|our) booking|visa letter|travel insurance claim|flight (?:was|has been) (?:cancell?ed|delayed|changed)|still waiting|haven't received|have not received|where is my)\\b",
            FLAGS);
    private static final Pattern QUOTE_WORD = Pattern
            .compile("\\b(quote|quotation|proposal|option|offer|the price you sent)\\b", FLAGS);
    private static final Pattern REPLY_SUBJECT = Pattern.compile("^\\s*(re|aw|sv)\\s*:", FLAGS);

    private final Places places;

    public RuleBasedExtractor() {
        this.places = Places.load();
    }

    /**
     * Reads one email.
     *
     * @param sender the {@code From} header
     * @param today the day the email arrived, in the tenant's zone: dates without a year come after it
     * @param defaultCurrency the tenant's currency, for amounts written without one
     */
    public TravelRequestExtraction extract(CleanedEmail email, String sender, LocalDate today,
            Currency defaultCurrency) {
        String text = email.text();
        int from = email.bodyStart();
        int to = email.bodyEnd();
        Dates dates = new Dates(today);

        Field<String> quoteReference = quoteReference(text);
        Sender who = sender(email.forwarded() && !email.forwardedFrom().isBlank() ? email.forwardedFrom() : sender);

        // dates: a stay, else a start and a number of nights, else a month
        Field<Integer> nights = nights(text, from, to);
        Field<LocalDate> checkIn = Field.absent();
        Field<LocalDate> checkOut = Field.absent();
        Field<String> month = Field.absent();
        Dates.Range range = dates.range(text, 0, to);
        if (range != null) {
            checkIn = field(range.from().date(), range.from().confidence(), text, range.from().start(),
                    range.from().end());
            checkOut = field(range.to().date(), range.to().confidence(), text, range.to().start(), range.to().end());
            if (!nights.isPresent()) {
                long n = ChronoUnit.DAYS.between(range.from().date(), range.to().date());
                nights = field((int) n, Math.min(0.85, range.to().confidence()), text, range.to().start(),
                        range.to().end());
            }
        } else {
            List<Dates.Mention> singles = dates.singles(text, 0, to);
            if (!singles.isEmpty()) {
                Dates.Mention first = singles.get(0);
                checkIn = field(first.date(), first.confidence() * 0.9, text, first.start(), first.end());
                if (nights.isPresent()) {
                    checkOut = new Field<>(first.date().plusDays(nights.value()), Math.min(0.8, checkIn.confidence()),
                            nights.span());
                }
            } else {
                Dates.MonthMention m = dates.month(text, 0, to);
                if (m != null) {
                    month = field(m.month().toString(), m.confidence(), text, m.start(), m.end());
                }
            }
        }

        Party party = party(text, from, to);
        Budget budget = budget(text, from, to, defaultCurrency);
        List<Field<String>> destinations = new ArrayList<>();
        Field<String> origin = origin(text, from, to);
        Set<String> seen = new LinkedHashSet<>();
        if (origin.isPresent()) {
            seen.add(origin.value());
        }
        for (Places.Mention m : places.find(text, 0, to)) {
            String before = text.substring(Math.max(0, m.start() - 25), m.start());
            if (NOT_DESTINATION_BEFORE.matcher(before).find() || !seen.add(m.place())) {
                continue;
            }
            destinations.add(field(m.place(), m.start() < from ? 0.75 : 0.85, text, m.start(), m.end()));
        }
        Field<String> board = boardBasis(text, from, to);
        Field<Integer> stars = stars(text, from, to);
        Field<String> special = special(text, from, to);

        Classification classification = classify(email, sender, text, quoteReference,
                !destinations.isEmpty() || checkIn.isPresent() || month.isPresent() || nights.isPresent()
                        || party.adults().isPresent() || budget.amount().isPresent() || board.isPresent());

        Field<String> clientName = who.name().isPresent() ? who.name() : signatureName(email);
        if (classification == Classification.AUTOMATED) {
            // an auto-reply or a newsletter asks for no trip: its dates and places are not a request
            return new TravelRequestExtraction(classification, clientName, who.email(), Field.absent(), List.of(),
                    Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(),
                    Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(),
                    Field.absent(), quoteReference, ENGINE, ENGINE);
        }
        Field<String> phone = phone(text, from);
        return new TravelRequestExtraction(classification, clientName, who.email(), phone, destinations, origin,
                checkIn, checkOut, month, nights, party.adults(), party.children(), party.ages(), budget.amount(),
                budget.perPerson(), board, stars, special, quoteReference, ENGINE, ENGINE);
    }

    // ---- contact

    record Sender(Field<String> name, Field<String> email) {
    }

    /** Name and address from a {@code From} header such as {@code "Sarah Mitchell" <sarah@example.com>}. */
    static Sender sender(String header) {
        if (header == null || header.isBlank()) {
            return new Sender(Field.absent(), Field.absent());
        }
        Matcher m = EMAIL.matcher(header);
        Field<String> email = Field.absent();
        String name = header;
        if (m.find()) {
            email = new Field<>(m.group().toLowerCase(Locale.ROOT), 0.95, null);
            name = header.substring(0, m.start()) + header.substring(m.end());
        }
        name = name.replaceAll("[<>\"()\\[\\]]", " ").replace("mailto:", "").replaceAll("\\s+", " ").strip();
        if (name.contains(",")) {
            String[] parts = name.split(",", 2);
            name = parts[1].strip() + " " + parts[0].strip();
        }
        boolean usable = !name.isEmpty() && !name.contains("@") && !AUTOMATED_SENDER.matcher(header).find()
                && !NOT_A_NAME.matcher(name).find();
        return new Sender(usable ? new Field<>(name, name.contains(" ") ? 0.85 : 0.6, null) : Field.absent(), email);
    }

    private static Field<String> signatureName(CleanedEmail email) {
        String text = email.text();
        Matcher my = MY_NAME.matcher(text).region(email.bodyStart(), email.bodyEnd());
        if (my.find() && !NOT_A_NAME.matcher(my.group(1)).find()) {
            return field(my.group(1), 0.75, text, my.start(1), my.end(1));
        }
        int offset = email.bodyEnd();
        for (String line : text.substring(offset).split("\n", -1)) {
            Matcher m = NAME_LINE.matcher(line);
            if (m.matches() && !NOT_A_NAME.matcher(line).find()) {
                int start = offset + m.start(1);
                return field(m.group(1), m.group(1).contains(" ") ? 0.7 : 0.5, text, start,
                        start + m.group(1).length());
            }
            offset += line.length() + 1;
        }
        return Field.absent();
    }

    private static Field<String> phone(String text, int from) {
        Matcher m = PHONE.matcher(text).region(from, text.length());
        Field<String> best = Field.absent();
        while (m.find()) {
            String digits = m.group().replaceAll("[^\\d+]", "");
            if (digits.startsWith("00")) {
                digits = "+" + digits.substring(2);
            }
            if (digits.replace("+", "").length() < 9 || digits.replace("+", "").length() > 15) {
                continue;
            }
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            boolean labelled = PHONE_LABEL.matcher(text.substring(lineStart, m.start())).find();
            double confidence = labelled ? 0.9 : 0.7;
            if (confidence > best.confidence()) {
                best = field(digits, confidence, text, m.start(), m.end());
            }
        }
        return best;
    }

    // ---- party

    record Party(Field<Integer> adults, Field<Integer> children, Field<List<Integer>> ages) {
    }

    private static Party party(String text, int from, int to) {
        Field<Integer> adults = Field.absent();
        Matcher m = ADULTS.matcher(text).region(from, to);
        if (m.find()) {
            adults = field(count(m.group(1)), 0.95, text, m.start(), m.end());
        }
        Field<Integer> children = Field.absent();
        Field<List<Integer>> ages = Field.absent();
        m = CHILDREN.matcher(text).region(from, to);
        int childCount = 0;
        int childStart = -1;
        int childEnd = -1;
        List<Integer> agesFound = new ArrayList<>();
        int agesEnd = -1;
        while (m.find()) {
            int n = count(m.group(1));
            childCount += n;
            childStart = childStart < 0 ? m.start() : childStart;
            childEnd = m.end();
            Matcher a = AGE_AFTER_CHILDREN.matcher(text).region(m.end(), Math.min(to, m.end() + 60));
            if (a.lookingAt()) {
                String list = a.group(1) != null ? a.group(1) : a.group(2);
                for (String age : list.split("\\s*(?:,|&|and)\\s*")) {
                    agesFound.add(Integer.parseInt(age.strip()));
                }
                agesEnd = a.end();
            }
        }
        if (agesFound.isEmpty()) {
            m = YEAR_OLDS.matcher(text).region(from, to);
            while (m.find()) {
                agesFound.add(Integer.parseInt(m.group(1)));
                if (childStart < 0) {
                    childStart = m.start();
                }
                agesEnd = m.end();
            }
            if (childCount == 0 && !agesFound.isEmpty()) {
                childCount = agesFound.size();
                childEnd = agesEnd;
            }
        }
        if (childCount == 0) {
            Matcher single = SINGLE_CHILD.matcher(text).region(from, to);
            while (single.find()) {
                childCount++;
                childStart = childStart < 0 ? single.start() : childStart;
                childEnd = single.end();
            }
        }
        if (childCount > 0) {
            children = field(childCount, 0.9, text, childStart, Math.max(childEnd, childStart));
            if (!agesFound.isEmpty()) {
                ages = field(List.copyOf(agesFound), agesFound.size() == childCount ? 0.85 : 0.6, text, childStart,
                        Math.max(agesEnd, childEnd));
            }
        }
        if (!adults.isPresent()) {
            Matcher family = FAMILY_OF.matcher(text).region(from, to);
            Matcher couple = COUPLE.matcher(text).region(from, to);
            Matcher people = PEOPLE.matcher(text).region(from, to);
            Matcher peopleSuffix = PEOPLE_SUFFIX.matcher(text).region(from, to);
            Matcher solo = SOLO.matcher(text).region(from, to);
            if (family.find()) {
                int total = count(family.group(1));
                int kids = children.isPresent() ? children.value() : Math.max(0, total - 2);
                adults = field(Math.max(1, total - kids), 0.6, text, family.start(), family.end());
                if (!children.isPresent() && kids > 0) {
                    children = field(kids, 0.5, text, family.start(), family.end());
                }
            } else if (couple.find()) {
                adults = field(2, 0.8, text, couple.start(), couple.end());
            } else if (peopleSuffix.find() || people.find()) {
                Matcher p = peopleSuffix.hasMatch() ? peopleSuffix : people;
                int total = count(p.group(1));
                int kids = children.isPresent() ? children.value() : 0;
                if (total - kids >= 1 && total <= 30) {
                    adults = field(total - kids, 0.75, text, p.start(), p.end());
                }
            } else if (solo.find()) {
                adults = field(1, 0.75, text, solo.start(), solo.end());
            }
        }
        if (!children.isPresent() && NO_CHILDREN.matcher(text).region(from, to).find()) {
            Matcher none = NO_CHILDREN.matcher(text).region(from, to);
            none.find();
            children = field(0, 0.8, text, none.start(), none.end());
        }
        return new Party(adults, children, ages);
    }

    static int count(String word) {
        String w = word.toLowerCase(Locale.ROOT).strip();
        Integer n = WORDS.get(w);
        return n != null ? n : Integer.parseInt(w);
    }

    // ---- duration

    private static Field<Integer> nights(String text, int from, int to) {
        Matcher m = NIGHTS.matcher(text).region(from, to);
        if (m.find()) {
            return field(count(m.group(1)), 0.9, text, m.start(), m.end());
        }
        m = WEEKS.matcher(text).region(from, to);
        if (m.find()) {
            int weeks = m.group(1) == null ? 2 : m.group(1).equalsIgnoreCase("a") ? 1 : count(m.group(1));
            return field(weeks * 7, 0.6, text, m.start(), m.end());
        }
        return Field.absent();
    }

    // ---- money

    record Budget(Field<Money> amount, Field<Boolean> perPerson) {
    }

    private static Budget budget(String text, int from, int to, Currency defaultCurrency) {
        Matcher m = MONEY.matcher(text).region(from, to);
        Field<Money> best = Field.absent();
        int bestEnd = -1;
        while (m.find()) {
            String cur = m.group("cur") != null ? m.group("cur") : m.group("cur2");
            String amount = m.group("amt") != null
                    ? m.group("amt")
                    : m.group("amt2") != null ? m.group("amt2") : m.group("amt3");
            boolean thousands = m.group("k") != null || m.group("k2") != null || m.group("k3") != null;
            String before = text.substring(Math.max(from, m.start() - 40), m.start());
            boolean keyword = BUDGET_WORD.matcher(before).find()
                    || PER_PERSON.matcher(text.substring(m.end(), Math.min(to, m.end() + 25))).find();
            if (cur == null && !keyword) {
                continue;
            }
            BigDecimal value = amount(amount, cur);
            if (value == null) {
                continue;
            }
            if (thousands) {
                value = value.multiply(BigDecimal.valueOf(1000));
            }
            if (value.compareTo(BigDecimal.valueOf(50)) < 0) {
                continue;
            }
            Currency currency = cur == null ? defaultCurrency : currency(cur);
            double confidence = (cur == null ? 0.6 : 0.8) + (keyword ? 0.15 : 0);
            if (confidence > best.confidence()) {
                best = field(new Money(value.setScale(Money.scaleOf(currency), Money.ROUNDING), currency), confidence,
                        text,
                        m.start(), m.end());
                bestEnd = m.end();
            }
        }
        if (!best.isPresent()) {
            return new Budget(best, Field.absent());
        }
        String after = text.substring(bestEnd, Math.min(to, bestEnd + 40));
        String before = text.substring(Math.max(from, best.span().start() - 30), best.span().start());
        Field<Boolean> perPerson = Field.absent();
        Matcher pp = PER_PERSON.matcher(after);
        Matcher total = TOTAL.matcher(after);
        if (pp.find()) {
            perPerson = field(true, 0.9, text, bestEnd + pp.start(), bestEnd + pp.end());
        } else if (total.find()) {
            perPerson = field(false, 0.85, text, bestEnd + total.start(), bestEnd + total.end());
        } else if (before.matches("(?is).*\\b(total|overall|whole trip|in total)\\b.*")) {
            perPerson = new Field<>(false, 0.7, best.span());
        } else if (before.matches("(?is).*\\b(per person|each|pp)\\b.*")) {
            perPerson = new Field<>(true, 0.7, best.span());
        }
        return new Budget(best, perPerson);
    }

    static BigDecimal amount(String raw, String currency) {
        String s = raw.replace(" ", "").replace("'", "").replace("’", "");
        boolean euroStyle = "€".equals(currency) || "EUR".equalsIgnoreCase(currency);
        if (s.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (s.matches("\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?")) {
            s = s.replace(",", "");
        } else if (s.matches("\\d+,\\d{1,2}")) {
            s = s.replace(',', '.');
        } else if (euroStyle && s.matches("\\d{1,3}\\.\\d{3}")) {
            s = s.replace(".", "");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Currency currency(String symbol) {
        String code = switch (symbol.toLowerCase(Locale.ROOT)) {
            case "r", "zar", "rand", "rands" -> "ZAR";
            case "$", "usd", "us$", "dollars" -> "USD";
            case "€", "eur", "euro", "euros" -> "EUR";
            default -> "GBP";
        };
        return Currency.getInstance(code);
    }

    // ---- places and preferences

    private Field<String> origin(String text, int from, int to) {
        Matcher m = ORIGIN.matcher(text).region(from, to);
        while (m.find()) {
            Places.Mention place = places.at(text, m.end(), Math.min(to, m.end() + 40));
            if (place != null) {
                return field(place.place(), 0.85, text, place.start(), place.end());
            }
        }
        return Field.absent();
    }

    private static Field<String> boardBasis(String text, int from, int to) {
        for (Map.Entry<String, Pattern> board : BOARD) {
            Matcher m = board.getValue().matcher(text).region(from, to);
            if (m.find()) {
                return field(board.getKey(), 0.9, text, m.start(), m.end());
            }
        }
        return Field.absent();
    }

    private static Field<Integer> stars(String text, int from, int to) {
        Matcher m = STARS.matcher(text).region(from, to);
        if (m.find()) {
            String n = m.group(1);
            return field(Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : count(n), 0.9, text, m.start(),
                    m.end());
        }
        return Field.absent();
    }

    /** The sentences that mention a special request, joined. */
    private static Field<String> special(String text, int from, int to) {
        Matcher m = SPECIAL.matcher(text).region(from, to);
        List<String> sentences = new ArrayList<>();
        int start = -1;
        int end = -1;
        int lastSentenceEnd = -1;
        while (m.find()) {
            int s = sentenceStart(text, from, m.start());
            int e = sentenceEnd(text, to, m.end());
            if (s < lastSentenceEnd) {
                continue;
            }
            sentences.add(text.substring(s, e).strip().replaceAll("\\s+", " "));
            start = start < 0 ? s : start;
            end = e;
            lastSentenceEnd = e;
        }
        if (sentences.isEmpty()) {
            return Field.absent();
        }
        return new Field<>(String.join(" ", sentences), 0.6, new Span(start, end, text.substring(start, end)));
    }

    private static int sentenceStart(String text, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    private static int sentenceEnd(String text, int to, int at) {
        for (int i = at; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return c == '\n' ? i : i + 1;
            }
        }
        return to;
    }

    private static Field<String> quoteReference(String text) {
        Matcher m = QUOTE_REF.matcher(text);
        return m.find() ? field(m.group().toUpperCase(Locale.ROOT), 0.95, text, m.start(), m.end()) : Field.absent();
    }

    // ---- classification

    private static Classification classify(CleanedEmail email, String sender, String text,
            Field<String> quoteReference, boolean travelFields) {
        String body = email.body();
        String subject = email.subject();
        if (AUTOMATED_SENDER.matcher(sender == null ? "" : sender).find()
                || AUTOMATED_TEXT.matcher(subject).find() || AUTOMATED_TEXT.matcher(body).find()) {
            return Classification.AUTOMATED;
        }
        boolean support = SUPPORT.matcher(subject).find() || SUPPORT.matcher(body).find();
        boolean reply = REPLY_SUBJECT.matcher(subject).find() || email.quotedReply();
        if (quoteReference.isPresent() && !support) {
            return Classification.QUOTE_REPLY;
        }
        if (support) {
            return Classification.SUPPORT_REQUEST;
        }
        if (reply && !email.forwarded() && QUOTE_WORD.matcher(text).find()) {
            return Classification.QUOTE_REPLY;
        }
        return travelFields ? Classification.NEW_TRAVEL_REQUEST : Classification.SUPPORT_REQUEST;
    }

    private static <T> Field<T> field(T value, double confidence, String text, int start, int end) {
        return new Field<>(value, Math.min(1, confidence), new Span(start, end, text.substring(start, end)));
    }
}
