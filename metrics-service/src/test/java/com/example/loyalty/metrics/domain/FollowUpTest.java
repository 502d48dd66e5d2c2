package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.loyalty.events.QuestionType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

    private static FollowUp open() {
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.status = FollowUpStatus.OPEN;
        return f;
    }

    @Test
    void whichAnswersOpenAnItem() {
        assertEquals(FollowUpKind.DETRACTOR, FollowUpKind.of(QuestionType.NPS, 0, null));
        assertEquals(FollowUpKind.DETRACTOR, FollowUpKind.of(QuestionType.NPS, 6, null));
        assertNull(FollowUpKind.of(QuestionType.NPS, 7, null));
        assertEquals(FollowUpKind.DETRACTOR, FollowUpKind.of(QuestionType.CONTINUED_USE, 6, null));
        assertNull(FollowUpKind.of(QuestionType.CONTINUED_USE, 9, null));
        assertEquals(FollowUpKind.AT_RISK, FollowUpKind.of(QuestionType.NRS, 3, null));
        assertEquals(FollowUpKind.AT_RISK, FollowUpKind.of(QuestionType.NRS, 1, null));
        assertNull(FollowUpKind.of(QuestionType.NRS, 4, null));
        assertEquals(FollowUpKind.HIGH_EFFORT, FollowUpKind.of(QuestionType.CES, 8, null));
        assertNull(FollowUpKind.of(QuestionType.CES, 7, null));
        assertEquals(FollowUpKind.HIGH_EFFORT, FollowUpKind.of(QuestionType.CES_BINARY, null, true));
        assertNull(FollowUpKind.of(QuestionType.CES_BINARY, null, false));
        assertNull(FollowUpKind.of(QuestionType.CSI, 0, null));
        assertNull(FollowUpKind.of(QuestionType.DWB, 5, null));
    }

    @Test
    void openContactedResolved() {
        FollowUp f = open();
        f.update(FollowUpStatus.CONTACTED, "called", "anna", T1);
        assertEquals(FollowUpStatus.CONTACTED, f.status);
        assertEquals(T1, f.contactedAt);
        f.update(FollowUpStatus.RESOLVED, "coupon sent", null, T2);
        assertEquals(FollowUpStatus.RESOLVED, f.status);
        assertEquals("coupon sent", f.note);
        assertEquals("anna", f.assignee);
        assertEquals(T1, f.contactedAt);
        assertEquals(T2, f.resolvedAt);
        assertEquals(T2, f.updatedAt);
    }

    @Test
    void resolvedDirectlyFromOpen() {
        FollowUp f = open();
        f.update(FollowUpStatus.RESOLVED, null, null, T1);
        assertEquals(FollowUpStatus.RESOLVED, f.status);
        assertNull(f.contactedAt);
    }

    @Test
    void noWayBack() {
        FollowUp contacted = open();
        contacted.update(FollowUpStatus.CONTACTED, null, null, T1);
        assertThrows(IllegalStateException.class, () -> contacted.update(FollowUpStatus.OPEN, "x", null, T2));
        assertEquals(FollowUpStatus.CONTACTED, contacted.status);
        assertNull(contacted.note, "a refused change changes nothing");

        FollowUp resolved = open();
        resolved.update(FollowUpStatus.RESOLVED, null, null, T1);
        for (FollowUpStatus s : FollowUpStatus.values()) {
            assertThrows(IllegalStateException.class, () -> resolved.update(s, null, null, T2));
        }
        assertThrows(IllegalStateException.class, () -> resolved.update(null, "late note", null, T2));
        assertNull(resolved.note);
    }

    @Test
    void assigningAndUnassigning() {
        FollowUp f = open();
        f.update(null, null, " anna ", T1);
        assertEquals("anna", f.assignee);
        assertEquals(FollowUpStatus.OPEN, f.status);
        f.update(null, null, "", T2);
        assertNull(f.assignee);
    }

    @Test
    void statusNamesAreLowerCaseOnTheWireAndParsedInAnyCase() {
        assertEquals("open", FollowUpStatus.OPEN.wireName());
        assertEquals(FollowUpStatus.RESOLVED, FollowUpStatus.parse("ReSoLvEd"));
        assertNull(FollowUpStatus.parse("closed"));
    }
}
