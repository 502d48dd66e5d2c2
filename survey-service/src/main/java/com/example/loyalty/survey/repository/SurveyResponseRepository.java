package com.example.loyalty.survey.repository;

import com.example.loyalty.survey.domain.SurveyResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SurveyResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    /** What replaces an erased member's free-text answers. */
    public static final String ERASED_TEXT = "[erased]";

    /**
     * Moves the named responses of {@code mergedId} to {@code survivorId}, with those of its login answered before the
     * directory knew the member ({@code subjects}: no member id on them); returns how many moved.
     */
    public int moveResponses(UUID mergedId, UUID survivorId, List<String> subjects) {
        return getEntityManager()
                        .createNativeQuery("update survey_response set member_id = :s where member_id = :m")
                        .setParameter("m", mergedId)
                        .setParameter("s", survivorId)
                        .executeUpdate()
                + (subjects.isEmpty()
                        ? 0
                        : getEntityManager()
                                .createNativeQuery("update survey_response set member_id = :s "
                                        + "where member_id is null and subject in (:subjects)")
                                .setParameter("s", survivorId)
                                .setParameter("subjects", subjects)
                                .executeUpdate());
    }

    /** Moves the MEMBERS targets of waves from {@code mergedId} to {@code survivorId}. */
    public void moveWaveMembers(UUID mergedId, UUID survivorId) {
        getEntityManager()
                .createNativeQuery("insert into wave_member (wave_id, member_id) select wave_id, :s from wave_member "
                        + "where member_id = :m on conflict do nothing")
                .setParameter("m", mergedId)
                .setParameter("s", survivorId)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("delete from wave_member where member_id = :m")
                .setParameter("m", mergedId)
                .executeUpdate();
    }

    /**
     * Anonymises the named responses of an erased member (by member id, and by their logins for those answered before
     * the directory knew them): the subject becomes a tombstone unique to the response ({@code erased:<response id>}),
     * every free-text answer becomes {@link #ERASED_TEXT}; scores, yes/no and choices stay (they feed the survey
     * metrics and say nothing of who answered once the response names no one). Returns how many responses changed.
     */
    public int eraseResponses(UUID memberId, List<String> subjects) {
        return getEntityManager()
                .createNativeQuery("""
                        update survey_response r set
                            subject = 'erased:' || cast(r.id as text),
                            answers = (select coalesce(jsonb_agg(
                                           case when jsonb_typeof(a -> 'text') = 'string'
                                                then jsonb_set(a, '{text}', to_jsonb(cast(:erased as text)))
                                                else a end order by i), cast('[]' as jsonb))
                                       from jsonb_array_elements(r.answers) with ordinality as e(a, i))
                        where not r.anonymous and r.subject not like 'erased:%'
                            and (r.member_id = :m or (r.member_id is null and r.subject in (:subjects)))
                        """)
                .setParameter("m", memberId)
                .setParameter("erased", ERASED_TEXT)
                // an IN list needs one element: a subject no login has
                .setParameter("subjects", subjects.isEmpty() ? List.of("erased:") : subjects)
                .executeUpdate();
    }

    /** Whether the subject has a named response in the wave (for listing what a member can still answer). */
    public boolean answered(UUID waveId, String subject) {
        return count("waveId = ?1 and subject = ?2", waveId, subject) > 0;
    }
}
