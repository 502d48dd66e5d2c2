package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.service.RatingService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/products/{id}/rating")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Community reviews", description = "Product ratings from members' reviews")
public class ProductRatingResource {

    private final RatingService ratings;

    public ProductRatingResource(RatingService ratings) {
        this.ratings = ratings;
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A product's rating",
            description = "Mean, count and distribution over the product's visible reviews (hidden and deleted "
                    + "reviews do not count). A product without reviews has count 0 and mean null.")
    public RatingResponse rating(@PathParam("id") String productId) {
        return RatingResponse.from(ratings.of(productId));
    }
}
