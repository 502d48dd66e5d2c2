-- The probabilistic customer-lifetime-value model (BG/NBD purchase occasions + Gamma-Gamma spend), the latest fit per
-- currency: a new fit replaces the previous one. Time parameters in weeks; gg_v in MAJOR units of the currency
-- (dollars, not cents), like the mean spends it was fitted on.
CREATE TABLE clv_model (
    currency                CHAR(3)          PRIMARY KEY,
    calibration_end         DATE             NOT NULL,
    zone                    VARCHAR(64)      NOT NULL,
    bgnbd_r                 DOUBLE PRECISION NOT NULL CHECK (bgnbd_r > 0),
    bgnbd_alpha             DOUBLE PRECISION NOT NULL CHECK (bgnbd_alpha > 0),
    bgnbd_a                 DOUBLE PRECISION NOT NULL CHECK (bgnbd_a > 0),
    bgnbd_b                 DOUBLE PRECISION NOT NULL CHECK (bgnbd_b > 0),
    bgnbd_log_likelihood    DOUBLE PRECISION NOT NULL,
    gg_p                    DOUBLE PRECISION NOT NULL CHECK (gg_p > 0),
    gg_q                    DOUBLE PRECISION NOT NULL CHECK (gg_q > 0),
    gg_v                    DOUBLE PRECISION NOT NULL CHECK (gg_v > 0),
    gg_log_likelihood       DOUBLE PRECISION NOT NULL,
    members                 INTEGER          NOT NULL CHECK (members > 0),
    repeaters               INTEGER          NOT NULL CHECK (repeaters > 0),
    fitted_at               TIMESTAMPTZ      NOT NULL
);
