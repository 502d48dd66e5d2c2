package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.service.SurveyService;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of surveys, newest first")
public record SurveyPageResponse(
        List<SurveyDefinitionResponse> items,
        @Schema(description = "Page number, from 0") int page,
        int size,

        @Schema(description = "Surveys matching the filter, on all pages")
        long total) {

    static SurveyPageResponse from(SurveyService.SurveyPage page) {
        return new SurveyPageResponse(
                page.items().stream().map(SurveyDefinitionResponse::from).toList(),
                page.page(),
                page.size(),
                page.total());
    }
}
