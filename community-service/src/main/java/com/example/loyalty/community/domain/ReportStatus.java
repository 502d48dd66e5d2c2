package com.example.loyalty.community.domain;

/** Where a report stands: open until a moderator hides its content or dismisses the content's reports. */
public enum ReportStatus {
    OPEN,
    /** resolved: a moderator hid the content */
    HIDDEN,
    /** resolved: a moderator found nothing to act on */
    DISMISSED
}
