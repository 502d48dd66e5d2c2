package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.Space;
import com.example.loyalty.community.repository.SearchRepository;
import com.example.loyalty.community.repository.SearchRepository.Hit;
import com.example.loyalty.community.repository.SpaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Search over the visible posts of the spaces the caller sees (marketers and admins: all; a member: the spaces open
 * to all members or to their tier). Results are ranked, so pages are positions in the ranking: the cursor carries
 * the offset, and a post written between two pages may shift the ranking by one. At most {@link #MAX_RESULTS} hits
 * are reachable.
 */
@ApplicationScoped
public class SearchService {

    public static final int MAX_QUERY = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final int MAX_RESULTS = 1000;

    /** A page of hits; {@code nextCursor} is null on the last page. */
    public record Page(List<Hit> hits, String nextCursor) {}

    private final SearchRepository search;
    private final SpaceRepository spaces;
    private final Callers callers;

    public SearchService(SearchRepository search, SpaceRepository spaces, Callers callers) {
        this.search = search;
        this.spaces = spaces;
        this.callers = callers;
    }

    @Transactional
    public Page search(String q, String space, String cursor, String limitParam) {
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY) {
            throw Problems.badRequest(
                    "bad-query", "Bad search", "q is the text to search for, 1 to " + MAX_QUERY + " characters");
        }
        int offset = decode(cursor);
        boolean staff = callers.isMarketer() || callers.isAdmin();
        String tier = staff ? null : callers.findMember().map(m -> m.tier).orElse(null);
        UUID spaceId = null;
        if (space != null && !space.isBlank()) {
            spaceId = Params.id(space, "space");
            Space found = spaces.findById(spaceId);
            if (found == null || !(staff || found.visibleToTier(tier))) {
                throw Problems.notFound("space-not-found", "No such space", "no space " + spaceId);
            }
        }
        int wanted = Math.min(limit, MAX_RESULTS - offset);
        if (wanted <= 0) {
            return new Page(List.of(), null);
        }
        List<Hit> hits = search.search(text, staff, tier, spaceId, offset, wanted + 1);
        String next = null;
        if (hits.size() > wanted) {
            hits = hits.subList(0, wanted);
            if (offset + wanted < MAX_RESULTS) {
                next = encode(offset + wanted);
            }
        }
        return new Page(hits, next);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("s1|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            if (cursor.length() > 40) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("s1|")) {
                throw new IllegalArgumentException("not a search cursor");
            }
            int offset = Integer.parseInt(raw.substring(3));
            if (offset <= 0 || offset >= MAX_RESULTS) {
                throw new IllegalArgumentException("out of range");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(
                    "bad-cursor",
                    "Bad cursor",
                    "the cursor is not one this search returned (pass nextCursor unchanged)");
        }
    }
}
