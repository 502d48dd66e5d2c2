package com.example.loyalty.points.service;

import java.util.Locale;
import java.util.Optional;

/**
 * Which e-mail and phone an enrolment stores, and whether they are verified. Only the identity provider can vouch for a
 * value (the token's {@code email_verified} / {@code phone_number_verified}): a value given in the enrolment body is
 * stored, and verified only when it is the very value the token vouches for; without one in the body the token's value
 * is stored, verified as the token says.
 */
public final class Contacts {

    /** Longest e-mail stored ({@code member.email}). */
    static final int MAX_EMAIL = 320;
    /** Longest phone stored ({@code member.phone}). */
    static final int MAX_PHONE = 32;

    private Contacts() {}

    /** What the caller's token says of their e-mail and phone (OIDC standard claims); values may be null. */
    public record Vouched(String email, boolean emailVerified, String phone, boolean phoneVerified) {

        public static final Vouched NOTHING = new Vouched(null, false, null, false);

        /** The e-mail the identity provider vouches for, if any (and if it fits the column). */
        Optional<String> verifiedEmail() {
            return emailVerified ? cleanEmail(email) : Optional.empty();
        }

        /** The phone the identity provider vouches for, if any (and if it is a phone number that fits). */
        Optional<Phone> verifiedPhone(Phones phones) {
            return phoneVerified ? storedPhone(phone, phones).filter(p -> p.key() != null) : Optional.empty();
        }
    }

    /** An e-mail to store. */
    public record Email(String value, boolean verified) {}

    /** A phone to store: the text, its key (null when it is no phone number) and whether it is verified. */
    public record Phone(String value, String key, boolean verified) {}

    /** The e-mail to store at enrolment from the body's ({@code given}, may be null) and the token's. */
    public static Optional<Email> email(String given, Vouched token) {
        Optional<String> body = cleanEmail(given);
        Optional<String> vouched = token.verifiedEmail();
        if (body.isEmpty()) {
            return vouched.map(v -> new Email(v, true))
                    .or(() -> cleanEmail(token.email()).map(v -> new Email(v, false)));
        }
        String value = body.get();
        return Optional.of(
                new Email(value, vouched.filter(v -> sameEmail(v, value)).isPresent()));
    }

    /** The phone to store at enrolment from the body's ({@code given}, may be null) and the token's. */
    public static Optional<Phone> phone(String given, Vouched token, Phones phones) {
        Optional<Phone> body = storedPhone(given, phones);
        Optional<Phone> vouched = token.verifiedPhone(phones);
        if (body.isEmpty()) {
            return vouched.map(v -> new Phone(v.value(), v.key(), true)).or(() -> storedPhone(token.phone(), phones));
        }
        Phone value = body.get();
        boolean verified = value.key() != null
                && vouched.filter(v -> value.key().equals(v.key())).isPresent();
        return Optional.of(new Phone(value.value(), value.key(), verified));
    }

    static boolean sameEmail(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> cleanEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String value = email.strip();
        return value.length() <= MAX_EMAIL ? Optional.of(value) : Optional.empty();
    }

    /** A phone as stored, unverified; empty when blank or too long for the column. */
    private static Optional<Phone> storedPhone(String phone, Phones phones) {
        return Phones.clean(phone)
                .filter(p -> p.length() <= MAX_PHONE)
                .map(p -> new Phone(p, phones.key(p).orElse(null), false));
    }
}
