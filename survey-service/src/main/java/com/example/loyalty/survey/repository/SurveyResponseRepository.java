package com.example.loyalty.survey.repository;

import com.example.loyalty.survey.domain.SurveyResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SurveyResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    /** Whether the subject has a named response in the wave (for listing what a member can still answer). */
    public boolean answered(UUID waveId, String subject) {
        return count("waveId = ?1 and subject = ?2", waveId, subject) > 0;
    }
}
