package com.example.loyalty.survey.domain;

/** Where a response was given. */
public enum Channel {
    APP,
    WEB,
    STORE,
    EMAIL,
    SMS,
    OTHER
}
