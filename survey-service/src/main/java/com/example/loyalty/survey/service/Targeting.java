package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.WaveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Whether a caller is in a wave's target. ALL asks everyone with the member role, also a member the directory
 * does not know yet (just enrolled, event still on its way); TIER, MEMBERS, SEGMENT and QUADRANT need the directory
 * entry: TIER and SEGMENT/QUADRANT by the tier and the segment and quadrant (in the program currency) last heard of,
 * so a member metrics-service has not scored yet is in no segment and no quadrant, not even UNKNOWN.
 */
@ApplicationScoped
public class Targeting {

    private final WaveRepository waves;

    public Targeting(WaveRepository waves) {
        this.waves = waves;
    }

    public boolean includes(Wave wave, MemberDirectoryEntry member) {
        return switch (wave.targetType) {
            case ALL -> true;
            case TIER -> member != null && named(wave.targetTiers, member.tier);
            case MEMBERS -> member != null && waves.targetsMember(wave.id, member.memberId);
            case SEGMENT -> member != null && named(wave.targetSegments, member.segment);
            case QUADRANT -> member != null && named(wave.targetQuadrants, member.quadrant);
        };
    }

    /** Whether {@code value} is among the target's (upper-case) names. */
    private static boolean named(List<String> names, String value) {
        return value != null && names.contains(value.toUpperCase(Locale.ROOT));
    }
}
