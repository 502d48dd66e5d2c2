package com.example.loyalty.common.security;

/** Realm roles of the loyalty realm. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String STAFF = "staff";
    public static final String MARKETER = "marketer";
    public static final String ADMIN = "admin";

    private Roles() {}
}
