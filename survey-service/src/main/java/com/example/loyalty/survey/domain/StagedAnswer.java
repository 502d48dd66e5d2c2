package com.example.loyalty.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An accepted anonymous answer waiting for the answer mixer: written in the request's transaction with the
 * participation, moved to {@code survey_response} (with another id) in a shuffled batch, then deleted. It carries no
 * identity and no time.
 */
@Entity
@Table(name = "anonymous_answer_staging")
public class StagedAnswer {
    /** A random id of the staged row only; the answer gets another one when it is mixed. */
    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(name = "wave_id", nullable = false)
    public UUID waveId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "store_id")
    public String storeId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<GivenAnswer> answers;
}
