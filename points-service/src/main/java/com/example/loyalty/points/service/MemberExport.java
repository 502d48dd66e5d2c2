package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberDataRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's data export: everything points-service stores about the person, as the rows are stored
 * ({@link MemberDataRepository}), for the member rows of the person (the survivor and the members merged into it, erased
 * ones too). Each export is recorded in the audit log ({@code MEMBER_EXPORTED}: who, when, which members, how many rows
 * per table; never the data itself).
 */
@ApplicationScoped
public class MemberExport {

    private final MemberRepository members;
    private final MemberDataRepository data;
    private final AuditLog audit;
    private final ObjectMapper json;

    public MemberExport(MemberRepository members, MemberDataRepository data, AuditLog audit, ObjectMapper json) {
        this.members = members;
        this.data = data;
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param memberId  the member asked for (the survivor stands for a merged one)
     * @param memberIds the member rows exported: the survivor first, then the members merged into it
     * @param tables    the rows of each table, by table name
     */
    public record Export(UUID memberId, List<UUID> memberIds, Instant exportedAt, Map<String, JsonNode> tables) {}

    /** What the audit log keeps of an export. */
    record Exported(List<UUID> memberIds, Map<String, Integer> rows) {}

    @Transactional
    public Export export(UUID id, String actor) {
        Member member = members.findByIdOptional(id)
                .orElseThrow(
                        () -> Problems.notFound("member-not-found", "Member not found", "no member with id " + id));
        UUID person = member.mergedInto != null ? member.mergedInto : member.id;
        List<UUID> ids = new ArrayList<>();
        ids.add(person);
        ids.addAll(members.mergedInto(person));
        Instant now = Instant.now();
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        data.export(ids).forEach((table, rows) -> {
            JsonNode node = parse(rows);
            tables.put(table, node);
            counts.put(table, node.size());
        });
        // recorded before it is handed out, in the same transaction: no export without its audit entry
        audit.record(
                actor, AuditAction.MEMBER_EXPORTED, "MEMBER", person.toString(), null, new Exported(ids, counts), null);
        return new Export(person, List.copyOf(ids), now, tables);
    }

    private JsonNode parse(String rows) {
        try {
            return json.readTree(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL gave JSON Jackson cannot read", e);
        }
    }
}
