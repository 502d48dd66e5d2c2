package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.LedgerKind;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.LedgerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The only place a balance changes: appends a ledger entry and moves the member's balance by the same
 * amount, in the caller's transaction, with the member row already locked by the caller.
 */
@ApplicationScoped
public class Ledger {

    private final LedgerRepository entries;

    public Ledger(LedgerRepository entries) {
        this.entries = entries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(
            Member member, LedgerKind kind, long points, String referenceType, String referenceId, String reason) {
        if (points == 0) {
            throw new IllegalArgumentException("a ledger entry moves at least one point");
        }
        long balance = Math.addExact(member.balance, points);
        if (balance < 0) {
            throw new IllegalStateException("balance of member " + member.id + " would become " + balance);
        }
        member.balance = balance;
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.memberId = member.id;
        entry.kind = kind;
        entry.points = points;
        entry.balanceAfter = balance;
        entry.referenceType = referenceType;
        entry.referenceId = referenceId;
        entry.reason = reason;
        entry.createdAt = Instant.now();
        entries.persist(entry);
        return entry;
    }
}
