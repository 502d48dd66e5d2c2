package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.domain.Channel;
import com.example.loyalty.survey.service.AnswerChecks;
import com.example.loyalty.survey.service.Definitions;
import com.example.loyalty.survey.service.ResponseService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's response to a survey")
public record SubmitResponseRequest(
        @Schema(
                description = "Answer by question id (at most " + MAX_ANSWERS + " answers; a question id has at most "
                        + AnswerChecks.MAX_QUESTION_ID_LENGTH + " characters). NPS, CONTINUED_USE, CES: integer 0–10; "
                        + "NRS, DWB: integer 1–5; CSI: integer 0–100; CES_BINARY: true (felt effort) or false; TEXT: "
                        + "string; CHOICE: an option id. A string answer has at most 2000 characters "
                        + "(surveys.answers.max-text-length): a longer one, more answers or a longer question id is a "
                        + "400 naming the field; a body over 1 MiB (surveys.answers.max-body) is a 413. A null or blank "
                        + "answer counts as not answered",
                type = SchemaType.OBJECT,
                required = true,
                maxProperties = MAX_ANSWERS,
                additionalProperties = AnswerValue.class,
                examples = "{\"nps\": 10, \"reason\": \"Friendly staff\"}")
        @NotNull
        @Size(max = MAX_ANSWERS, message = "a response holds at most " + MAX_ANSWERS + " answers")
        Map<String, Object> answers,

        @Schema(description = "Where the response was given", required = true) @NotNull
        Channel channel,

        @Schema(description = "The store the response is about, if any", examples = "S001") @Size(max = 64)
        String storeId,

        @Schema(description = "The wave to answer; defaults to the survey's open wave")
        UUID waveId) {

    /** Most answers a response may hold: one per question of the largest survey. */
    public static final int MAX_ANSWERS = Definitions.MAX_QUESTIONS;

    /**
     * One answer: an integer, a boolean, a string (TEXT, CHOICE) of at most 2000 characters, or null. Its schema is set
     * by {@link AnswerValueSchema} (a type list, which the annotations cannot express).
     */
    @Schema(name = AnswerValueSchema.NAME)
    interface AnswerValue {}

    private static final ObjectMapper TREES = new ObjectMapper();

    /** The answers as JSON trees, so that each is checked against its question's scale as it was sent. */
    ResponseService.Submission toSubmission() {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        answers.forEach((questionId, value) -> trees.put(questionId, TREES.valueToTree(value)));
        return new ResponseService.Submission(trees, channel, storeId, waveId);
    }
}
