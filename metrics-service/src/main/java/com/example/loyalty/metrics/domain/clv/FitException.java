package com.example.loyalty.metrics.domain.clv;

/** A model could not be fitted to the data given (too little data, or the optimiser did not converge); says why. */
public class FitException extends RuntimeException {

    public FitException(String message) {
        super(message);
    }

    public FitException(String message, Throwable cause) {
        super(message, cause);
    }
}
