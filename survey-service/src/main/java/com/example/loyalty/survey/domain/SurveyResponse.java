package com.example.loyalty.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One accepted response to a wave. A named response carries the respondent's subject (unique per wave), and
 * the member id and tier when the member directory knows them; an anonymous one carries no identity.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {
    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(name = "wave_id", nullable = false)
    public UUID waveId;

    @Column(nullable = false)
    public boolean anonymous;
    /** Token subject of the respondent; {@code null} when anonymous. */
    public String subject;
    /** points-service member id; {@code null} when anonymous or not (yet) in the member directory. */
    @Column(name = "member_id")
    public UUID memberId;
    /** Tier when answering; {@code null} when anonymous or unknown. */
    public String tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "store_id")
    public String storeId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<GivenAnswer> answers;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
