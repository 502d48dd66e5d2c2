package com.example.loyalty.community.service;

import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.domain.CommunityRank;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The community ranks from {@code community.ranks}, checked at start-up: a rank is held from its threshold on, the
 * first starts at 0 and thresholds rise strictly.
 */
@ApplicationScoped
public class RankLadder {

    private final List<CommunityRank> ranks;

    public RankLadder(CommunityConfig config) {
        this.ranks = parse(config.ranks());
    }

    static List<CommunityRank> parse(List<String> specs) {
        List<CommunityRank> ranks = new ArrayList<>(specs.size());
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("community.ranks: '" + spec + "' is not Name:threshold");
            }
            String name = spec.substring(0, colon).trim();
            long threshold;
            try {
                threshold = Long.parseLong(spec.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("community.ranks: '" + spec + "' has no whole threshold", e);
            }
            String code = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
            if (ranks.isEmpty() && threshold != 0) {
                throw new IllegalArgumentException("community.ranks: the first rank starts at 0, not " + threshold);
            }
            if (!ranks.isEmpty() && threshold <= ranks.get(ranks.size() - 1).threshold()) {
                throw new IllegalArgumentException("community.ranks: thresholds must rise, '" + spec + "' does not");
            }
            ranks.add(new CommunityRank(code, name, threshold));
        }
        return List.copyOf(ranks);
    }

    public List<CommunityRank> ranks() {
        return ranks;
    }

    /** The rank held at {@code score}. */
    public CommunityRank rankAt(long score) {
        CommunityRank held = ranks.get(0);
        for (CommunityRank rank : ranks) {
            if (score >= rank.threshold()) {
                held = rank;
            }
        }
        return held;
    }

    /** The next rank above {@code score}, or {@code null} at the top. */
    public CommunityRank nextAbove(long score) {
        for (CommunityRank rank : ranks) {
            if (rank.threshold() > score) {
                return rank;
            }
        }
        return null;
    }
}
