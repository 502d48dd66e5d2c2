package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactsTest {

    private static final Phones PHONES = new Phones("81");

    private static Contacts.Vouched token(String email, boolean emailVerified, String phone, boolean phoneVerified) {
        return new Contacts.Vouched(email, emailVerified, phone, phoneVerified);
    }

    @Test
    void theTokensVerifiedEmailIsStoredVerified() {
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", true)),
                Contacts.email(null, token("hana@example.com", true, null, false)));
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", true)),
                Contacts.email(" ", token(" hana@example.com ", true, null, false)));
    }

    @Test
    void theTokensUnverifiedEmailIsStoredUnverified() {
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", false)),
                Contacts.email(null, token("hana@example.com", false, null, false)));
    }

    @Test
    void anEmailInTheBodyIsVerifiedOnlyWhenItIsTheTokensVerifiedOne() {
        var verified = token("Hana@Example.com", true, null, false);
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", true)),
                Contacts.email("hana@example.com", verified),
                "the same address, case ignored");
        assertEquals(
                Optional.of(new Contacts.Email("victim@example.com", false)),
                Contacts.email("victim@example.com", verified),
                "another address than the token vouches for");
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", false)),
                Contacts.email("hana@example.com", token("hana@example.com", false, null, false)),
                "the token does not vouch for it");
        assertEquals(
                Optional.of(new Contacts.Email("hana@example.com", false)),
                Contacts.email("hana@example.com", Contacts.Vouched.NOTHING));
    }

    @Test
    void noEmailAnywhereIsNone() {
        assertEquals(Optional.empty(), Contacts.email(null, Contacts.Vouched.NOTHING));
        assertEquals(Optional.empty(), Contacts.email(null, token("x".repeat(321), true, null, false)), "too long");
    }

    @Test
    void theTokensVerifiedPhoneIsStoredVerifiedWithItsKey() {
        assertEquals(
                Optional.of(new Contacts.Phone("+81 90-1234-5678", "+819012345678", true)),
                Contacts.phone(null, token(null, false, "+81 90-1234-5678", true), PHONES));
    }

    @Test
    void aPhoneInTheBodyIsVerifiedOnlyWhenItIsTheTokensVerifiedNumber() {
        var verified = token(null, false, "+819012345678", true);
        assertEquals(
                Optional.of(new Contacts.Phone("090-1234-5678", "+819012345678", true)),
                Contacts.phone("090-1234-5678", verified, PHONES),
                "the same number in national form");
        assertEquals(
                Optional.of(new Contacts.Phone("090-9999-0000", "+819099990000", false)),
                Contacts.phone("090-9999-0000", verified, PHONES),
                "someone else's number");
        assertEquals(
                Optional.of(new Contacts.Phone("090-1234-5678", "+819012345678", false)),
                Contacts.phone("090-1234-5678", token(null, false, "+819012345678", false), PHONES),
                "the token does not vouch for it");
        assertEquals(
                Optional.of(new Contacts.Phone("090-1234-5678", "+819012345678", false)),
                Contacts.phone("090-1234-5678", Contacts.Vouched.NOTHING, PHONES));
    }

    @Test
    void aVerifiedClaimThatIsNoPhoneNumberVerifiesNothing() {
        assertEquals(
                Optional.of(new Contacts.Phone("call me", null, false)),
                Contacts.phone(null, token(null, false, "call me", true), PHONES));
        assertEquals(Optional.empty(), Contacts.phone(null, token(null, false, "1".repeat(33), true), PHONES));
    }
}
