package com.example.loyalty.k8s.kustomize;

/** A kustomization this subset cannot build: malformed, inconsistent, or using a feature outside the subset. */
public class KustomizeException extends RuntimeException {
    public KustomizeException(String message) {
        super(message);
    }

    public KustomizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
