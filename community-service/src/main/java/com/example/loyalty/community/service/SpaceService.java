package com.example.loyalty.community.service;

import com.example.loyalty.common.web.FieldProblem;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.PostKind;
import com.example.loyalty.community.domain.Space;
import com.example.loyalty.community.repository.SpaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Spaces: created and changed by marketers and admins, listed to each caller as they may see them. */
@ApplicationScoped
public class SpaceService {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_TITLES = 20;
    static final int MAX_TITLE = 200;
    static final int MAX_TIERS = 50;
    static final int MAX_TIER = 50;

    /**
     * A space as a marketer writes it; null fields of a patch keep their value.
     *
     * @param allMembers    true: every member sees it; false: only members of {@code tiers}
     * @param allowedKinds  post kinds allowed (empty: all)
     * @param membersMayPost false: members may only comment
     */
    public record SpaceInput(
            String name,
            String description,
            Map<String, String> titles,
            Boolean allMembers,
            List<String> tiers,
            List<String> allowedKinds,
            Boolean membersMayPost) {}

    private final SpaceRepository spaces;
    private final ContentAccess access;
    private final Callers callers;

    public SpaceService(SpaceRepository spaces, ContentAccess access, Callers callers) {
        this.spaces = spaces;
        this.access = access;
        this.callers = callers;
    }

    @Transactional
    public Space create(SpaceInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Space space = new Space();
        space.id = UUID.randomUUID();
        space.allMembers = true;
        space.membersMayPost = true;
        space.titles = new LinkedHashMap<>();
        apply(space, input, true);
        space.createdBy = callers.subject();
        space.createdAt = now;
        space.updatedAt = now;
        spaces.persist(space);
        return space;
    }

    /** Replaces ({@code replace}: absent fields take their defaults) or patches the space. */
    @Transactional
    public Space update(UUID id, SpaceInput input, boolean replace) {
        Space space = spaces.findByIdOptional(id).orElseThrow(() -> ContentAccess.noSuchSpace(id));
        if (replace) {
            space.description = null;
            space.titles = new LinkedHashMap<>();
            space.allMembers = true;
            space.tiers = new ArrayList<>();
            space.allowedKinds = new ArrayList<>();
            space.membersMayPost = true;
        }
        apply(space, input, replace);
        space.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return space;
    }

    /** The spaces the caller sees, by name. */
    @Transactional
    public List<Space> list() {
        return access.staff() ? spaces.all() : spaces.visibleToTier(access.tier());
    }

    @Transactional
    public Space get(UUID id) {
        return access.space(id);
    }

    private static void apply(Space space, SpaceInput in, boolean nameRequired) {
        List<FieldProblem> errors = new ArrayList<>();
        if (in.name() != null || nameRequired) {
            String name = in.name() == null ? "" : in.name().trim();
            if (name.isEmpty()) {
                errors.add(new FieldProblem("name", "required"));
            } else if (name.length() > MAX_NAME) {
                errors.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
            }
            space.name = name;
        }
        if (in.description() != null) {
            if (in.description().length() > MAX_DESCRIPTION) {
                errors.add(new FieldProblem("description", "at most " + MAX_DESCRIPTION + " characters"));
            }
            space.description = in.description();
        }
        if (in.titles() != null) {
            if (in.titles().size() > MAX_TITLES) {
                errors.add(new FieldProblem("titles", "at most " + MAX_TITLES + " languages"));
            }
            Map<String, String> titles = new LinkedHashMap<>();
            in.titles().forEach((lang, title) -> {
                if (lang == null || !lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
                    errors.add(new FieldProblem("titles", "'" + lang + "' is not a language code"));
                } else if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
                    errors.add(new FieldProblem("titles." + lang, "1 to " + MAX_TITLE + " characters"));
                } else {
                    titles.put(lang, title);
                }
            });
            space.titles = titles;
        }
        if (in.allMembers() != null) {
            space.allMembers = in.allMembers();
        }
        if (in.tiers() != null) {
            if (in.tiers().size() > MAX_TIERS) {
                errors.add(new FieldProblem("visibility.tiers", "at most " + MAX_TIERS + " tiers"));
            }
            LinkedHashSet<String> tiers = new LinkedHashSet<>();
            for (String tier : in.tiers()) {
                if (tier == null || tier.isBlank() || tier.length() > MAX_TIER) {
                    errors.add(new FieldProblem("visibility.tiers", "a tier code is 1 to " + MAX_TIER + " characters"));
                } else {
                    tiers.add(tier.trim());
                }
            }
            space.tiers = new ArrayList<>(tiers);
        }
        if (in.allowedKinds() != null) {
            LinkedHashSet<String> kinds = new LinkedHashSet<>();
            for (String kind : in.allowedKinds()) {
                PostKind parsed = com.example.loyalty.common.text.Enums.parse(PostKind.class, kind);
                if (parsed == null) {
                    errors.add(new FieldProblem(
                            "postingRules.allowedKinds",
                            "'" + kind + "' is not DISCUSSION, QUESTION, REVIEW or ANNOUNCEMENT"));
                } else {
                    kinds.add(parsed.name());
                }
            }
            space.allowedKinds = new ArrayList<>(kinds);
        }
        if (in.membersMayPost() != null) {
            space.membersMayPost = in.membersMayPost();
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-space", "Invalid space", errors);
        }
        space.tiers = space.tiers.stream()
                .map(t -> t.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
