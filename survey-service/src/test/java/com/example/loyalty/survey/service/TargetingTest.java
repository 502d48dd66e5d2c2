package com.example.loyalty.survey.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import com.example.loyalty.survey.domain.TargetType;
import com.example.loyalty.survey.domain.Wave;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who a wave asks, for the targets decided by the directory entry alone (MEMBERS needs the database). */
class TargetingTest {

    private final Targeting targeting = new Targeting(null);

    @Test
    void aSegmentTargetAsksMembersWhoseSegmentItNames() {
        Wave wave = wave(TargetType.SEGMENT);
        wave.targetSegments = List.of("AT_RISK", "CANT_LOSE_THEM");
        assertTrue(targeting.includes(wave, member("AT_RISK", "LATENT_FAN")));
        assertTrue(targeting.includes(wave, member("cant_lose_them", "UNKNOWN")));
        assertFalse(targeting.includes(wave, member("CHAMPIONS", "KEEP_AND_REWARD")));
        assertFalse(targeting.includes(wave, member(null, null)), "not scored yet");
        assertFalse(targeting.includes(wave, null), "not in the directory");
    }

    @Test
    void aQuadrantTargetAsksMembersWhoseQuadrantItNamesUnknownIncluded() {
        Wave wave = wave(TargetType.QUADRANT);
        wave.targetQuadrants = List.of("UNKNOWN", "LATENT_FAN");
        assertTrue(targeting.includes(wave, member("NEW", "UNKNOWN")));
        assertTrue(targeting.includes(wave, member("LOYAL", "LATENT_FAN")));
        assertFalse(targeting.includes(wave, member("LOYAL", "TEMPORARY_FAN")));
        assertFalse(targeting.includes(wave, member(null, null)), "not scored yet is not UNKNOWN");
        assertFalse(targeting.includes(wave, null));
    }

    @Test
    void segmentsDoNotLeakIntoOtherTargets() {
        Wave tier = wave(TargetType.TIER);
        tier.targetTiers = List.of("GOLD");
        MemberDirectoryEntry champion = member("CHAMPIONS", "KEEP_AND_REWARD");
        assertFalse(targeting.includes(tier, champion));
        champion.tier = "gold";
        assertTrue(targeting.includes(tier, champion));
        assertTrue(targeting.includes(wave(TargetType.ALL), null));
    }

    private static Wave wave(TargetType type) {
        Wave w = new Wave();
        w.id = UUID.randomUUID();
        w.targetType = type;
        w.targetTiers = List.of();
        return w;
    }

    private static MemberDirectoryEntry member(String segment, String quadrant) {
        MemberDirectoryEntry m = new MemberDirectoryEntry();
        m.memberId = UUID.randomUUID();
        m.segment = segment;
        m.quadrant = quadrant;
        m.segmentAsOf = segment == null ? null : LocalDate.parse("2026-11-30");
        return m;
    }
}
