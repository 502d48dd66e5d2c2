package com.example.loyalty.survey.repository;

import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.SurveyStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** Loads and row-locks the survey: lifecycle changes and wave creation of one survey go one at a time. */
    public Optional<Survey> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first, optionally of one status. */
    public PanacheQuery<Survey> listed(SurveyStatus status) {
        Sort sort = Sort.descending("createdAt").and("id");
        return status == null ? findAll(sort) : find("status", sort, status);
    }
}
