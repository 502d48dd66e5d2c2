package com.example.loyalty.community.domain;

/** How a post body is meant to be displayed. The service stores and returns the source only, never HTML. */
public enum TextFormat {
    PLAIN,
    MARKDOWN
}
