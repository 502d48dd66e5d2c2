package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.WaveRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a caller is in a wave's target. ALL asks everyone with the member role, also a member the directory
 * does not know yet (just enrolled, event still on its way); TIER and MEMBERS need the directory entry.
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
            case TIER ->
                member != null
                        && member.tier != null
                        && wave.targetTiers.contains(member.tier.toUpperCase(java.util.Locale.ROOT));
            case MEMBERS -> member != null && waves.targetsMember(wave.id, member.memberId);
        };
    }
}
