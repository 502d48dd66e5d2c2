package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A design of the digital member card, from the catalogue marketers manage. A retired design ({@link #retiredAt} set)
 * cannot be chosen any more, and members who chose it see the default design ({@link #isDefault}, exactly one, never
 * retired).
 */
@Entity
@Table(name = "card_design")
public class CardDesign {
    @Id
    public UUID id;

    /** Unique, case ignored. */
    @Column(nullable = false)
    public String name;

    @Column(name = "title_ja")
    public String titleJa;

    @Column(name = "title_en")
    public String titleEn;

    /** {@code #RRGGBB}, upper case. */
    @Column(name = "background_color", nullable = false)
    public String backgroundColor;

    /** {@code #RRGGBB}, upper case. */
    @Column(name = "text_color", nullable = false)
    public String textColor;

    /** An https address of the background image; null: the colours alone. */
    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    /** When it was retired; null: active. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    public boolean active() {
        return retiredAt == null;
    }
}
