package com.example.loyalty.community.domain;

/** Where a member's registration for a community event stands. */
public enum RegistrationStatus {
    /** Holds one of the event's seats. */
    SEATED,
    /** Waits for a seat; seats that free up go to the waitlist in registration order. */
    WAITLISTED,
    /** Cancelled by the member. */
    CANCELLED
}
