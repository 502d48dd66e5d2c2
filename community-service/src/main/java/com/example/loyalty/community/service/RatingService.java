package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.repository.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/** A product's rating over its visible reviews (hidden and deleted reviews do not count). */
@ApplicationScoped
public class RatingService {

    /**
     * @param mean         the mean rating rounded to two decimals; null without reviews
     * @param distribution rating "1".."5" → number of reviews
     */
    public record Rating(String productId, Double mean, long count, Map<String, Long> distribution) {}

    private final PostRepository posts;

    public RatingService(PostRepository posts) {
        this.posts = posts;
    }

    @Transactional
    public Rating of(String productId) {
        if (productId == null || productId.isBlank() || productId.length() > PostService.MAX_PRODUCT_ID) {
            throw Problems.badRequest("bad-product", "Bad product id", "a product id is 1 to 100 characters");
        }
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            distribution.put(Integer.toString(stars), 0L);
        }
        long count = 0;
        long sum = 0;
        for (Object[] row : posts.ratingDistribution(productId)) {
            int stars = ((Number) row[0]).intValue();
            long n = ((Number) row[1]).longValue();
            distribution.put(Integer.toString(stars), n);
            count += n;
            sum += stars * n;
        }
        Double mean = count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
        return new Rating(productId, mean, count, distribution);
    }
}
