package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.CardDesign;
import java.time.Instant;
import java.util.UUID;

/** A card design as the API shows it, and as the audit log records it before and after a change. */
public record CardDesignView(
        UUID id,
        String name,
        String titleJa,
        String titleEn,
        String backgroundColor,
        String textColor,
        String imageUrl,
        boolean isDefault,
        boolean active,
        Instant retiredAt,
        Instant updatedAt,
        String updatedBy) {

    static CardDesignView of(CardDesign d) {
        return new CardDesignView(
                d.id,
                d.name,
                d.titleJa,
                d.titleEn,
                d.backgroundColor,
                d.textColor,
                d.imageUrl,
                d.isDefault,
                d.active(),
                d.retiredAt,
                d.updatedAt,
                d.updatedBy);
    }
}
