package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.CardDesign;
import com.example.loyalty.points.repository.CardDesignRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The catalogue of card designs that marketers and admins manage; every change is recorded in the audit log, in the
 * transaction of the change.
 */
@ApplicationScoped
public class CardDesignService {

    static final String AUDIT_TARGET = "CARD_DESIGN";

    private final CardDesignRepository designs;
    private final AuditLog audit;

    public CardDesignService(CardDesignRepository designs, AuditLog audit) {
        this.designs = designs;
        this.audit = audit;
    }

    /**
     * A design as a marketer describes it. Colours are {@code #RRGGBB}; the image is an https address or null.
     * {@code active} null: unchanged (active for a new design).
     */
    public record Definition(
            String name,
            String titleJa,
            String titleEn,
            String backgroundColor,
            String textColor,
            String imageUrl,
            Boolean active) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardDesignView> catalogue(boolean withRetired) {
        return designs.catalogue(withRetired).stream().map(CardDesignView::of).toList();
    }

    /** A design; a retired one only if {@code withRetired} (members see the active catalogue only). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CardDesignView get(UUID id, boolean withRetired) {
        return designs.findByIdOptional(id)
                .filter(d -> withRetired || d.active())
                .map(CardDesignView::of)
                .orElseThrow(() -> notFound(id));
    }

    @Transactional
    public CardDesignView create(Definition definition, String actor) {
        validate(definition);
        if (Boolean.FALSE.equals(definition.active())) {
            throw invalid("a new design is active; retire it with a PUT");
        }
        String name = definition.name().strip();
        if (designs.findByName(name).isPresent()) {
            throw nameTaken(name);
        }
        Instant now = Instant.now();
        CardDesign design = new CardDesign();
        design.id = UUID.randomUUID();
        apply(design, definition);
        design.isDefault = false;
        design.createdAt = now;
        design.createdBy = actor;
        design.updatedAt = now;
        design.updatedBy = actor;
        designs.persist(design);
        // two marketers creating one name at once: the unique index refuses the second, a 409 like the check above
        Transactions.flushOrThrow(designs.getEntityManager(), () -> nameTaken(name));
        CardDesignView after = CardDesignView.of(design);
        audit.record(actor, AuditAction.CARD_DESIGN_CREATED, AUDIT_TARGET, design.id.toString(), null, after, null);
        return after;
    }

    /**
     * Replaces a design's fields; {@code active: false} retires it (recorded as CARD_DESIGN_RETIRED), true brings it
     * back. The default design cannot be retired. A PUT that changes nothing records nothing.
     */
    @Transactional
    public CardDesignView update(UUID id, Definition definition, String actor) {
        validate(definition);
        CardDesign design = designs.lockById(id).orElseThrow(() -> notFound(id));
        String name = definition.name().strip();
        if (designs.findOtherByName(name, id).isPresent()) {
            throw nameTaken(name);
        }
        boolean retire = design.active() && Boolean.FALSE.equals(definition.active());
        if (retire && design.isDefault) {
            throw invalid("the default design cannot be retired: members whose design is retired see it");
        }
        CardDesignView before = CardDesignView.of(design);
        apply(design, definition);
        if (sameContent(before, CardDesignView.of(design))) {
            return before;
        }
        design.updatedAt = Instant.now();
        design.updatedBy = actor;
        Transactions.flushOrThrow(designs.getEntityManager(), () -> nameTaken(name));
        CardDesignView after = CardDesignView.of(design);
        audit.record(
                actor,
                retire ? AuditAction.CARD_DESIGN_RETIRED : AuditAction.CARD_DESIGN_UPDATED,
                AUDIT_TARGET,
                id.toString(),
                before,
                after,
                null);
        return after;
    }

    private static void apply(CardDesign design, Definition d) {
        design.name = d.name().strip();
        design.titleJa = blankToNull(d.titleJa());
        design.titleEn = blankToNull(d.titleEn());
        design.backgroundColor = d.backgroundColor().toUpperCase(Locale.ROOT);
        design.textColor = d.textColor().toUpperCase(Locale.ROOT);
        design.imageUrl = blankToNull(d.imageUrl());
        if (d.active() != null && d.active() != design.active()) {
            design.retiredAt = d.active() ? null : Instant.now();
        }
    }

    private static boolean sameContent(CardDesignView a, CardDesignView b) {
        return Objects.equals(a.name(), b.name())
                && Objects.equals(a.titleJa(), b.titleJa())
                && Objects.equals(a.titleEn(), b.titleEn())
                && a.backgroundColor().equals(b.backgroundColor())
                && a.textColor().equals(b.textColor())
                && Objects.equals(a.imageUrl(), b.imageUrl())
                && a.active() == b.active();
    }

    /** What Bean Validation on the request cannot say: the image is an absolute https address with a host. */
    static void validate(Definition d) {
        String image = blankToNull(d.imageUrl());
        if (image != null) {
            try {
                URI uri = new URI(image);
                if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                    throw invalid("imageUrl must be an https address with a host (and no user name)");
                }
            } catch (URISyntaxException e) {
                throw invalid("imageUrl is not an address: " + e.getReason());
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound("card-design-not-found", "Card design not found", "no card design with id " + id);
    }

    private static RuntimeException nameTaken(String name) {
        return Problems.conflict(
                "card-design-name-taken", "Card design name taken", "another card design is named " + name);
    }

    private static RuntimeException invalid(String detail) {
        return Problems.unprocessable("invalid-card-design", "Invalid card design", detail);
    }
}
