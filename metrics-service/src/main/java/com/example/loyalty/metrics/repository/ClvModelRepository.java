package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.clv.BgNbd;
import com.example.loyalty.metrics.domain.clv.ClvModel;
import com.example.loyalty.metrics.domain.clv.GammaGamma;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code clv_model} table: the latest lifetime value model per currency. */
@ApplicationScoped
public class ClvModelRepository {

    private static final String UPSERT =
            "insert into clv_model (currency, calibration_end, zone, bgnbd_r, bgnbd_alpha, "
                    + "bgnbd_a, bgnbd_b, bgnbd_log_likelihood, gg_p, gg_q, gg_v, gg_log_likelihood, members, repeaters, "
                    + "fitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "on conflict (currency) do update set calibration_end = excluded.calibration_end, zone = excluded.zone, "
                    + "bgnbd_r = excluded.bgnbd_r, bgnbd_alpha = excluded.bgnbd_alpha, bgnbd_a = excluded.bgnbd_a, "
                    + "bgnbd_b = excluded.bgnbd_b, bgnbd_log_likelihood = excluded.bgnbd_log_likelihood, gg_p = excluded.gg_p, "
                    + "gg_q = excluded.gg_q, gg_v = excluded.gg_v, gg_log_likelihood = excluded.gg_log_likelihood, "
                    + "members = excluded.members, repeaters = excluded.repeaters, fitted_at = excluded.fitted_at";

    private static final String SELECT = "select currency, calibration_end, zone, bgnbd_r, bgnbd_alpha, bgnbd_a, "
            + "bgnbd_b, bgnbd_log_likelihood, gg_p, gg_q, gg_v, gg_log_likelihood, members, repeaters, fitted_at "
            + "from clv_model where currency = ?";

    private final EntityManager em;

    public ClvModelRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps {@code model} as the model of its currency, replacing the previous one, in the caller's transaction. */
    public void save(ClvModel model) {
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                int i = 0;
                ps.setString(++i, model.currency());
                ps.setObject(++i, model.calibrationEnd());
                ps.setString(++i, model.zone().getId());
                ps.setDouble(++i, model.bgNbd().r());
                ps.setDouble(++i, model.bgNbd().alpha());
                ps.setDouble(++i, model.bgNbd().a());
                ps.setDouble(++i, model.bgNbd().b());
                ps.setDouble(++i, model.bgNbdLogLikelihood());
                ps.setDouble(++i, model.gammaGamma().p());
                ps.setDouble(++i, model.gammaGamma().q());
                ps.setDouble(++i, model.gammaGamma().v());
                ps.setDouble(++i, model.gammaGammaLogLikelihood());
                ps.setInt(++i, model.members());
                ps.setInt(++i, model.repeaters());
                ps.setObject(++i, OffsetDateTime.ofInstant(model.fittedAt(), ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
    }

    /** The model of {@code currency}, if one has been fitted. */
    public Optional<ClvModel> find(String currency) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setString(1, currency);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ClvModel(
                            rs.getString("currency"),
                            rs.getObject("calibration_end", LocalDate.class),
                            ZoneId.of(rs.getString("zone")),
                            new BgNbd(
                                    rs.getDouble("bgnbd_r"),
                                    rs.getDouble("bgnbd_alpha"),
                                    rs.getDouble("bgnbd_a"),
                                    rs.getDouble("bgnbd_b")),
                            rs.getDouble("bgnbd_log_likelihood"),
                            new GammaGamma(rs.getDouble("gg_p"), rs.getDouble("gg_q"), rs.getDouble("gg_v")),
                            rs.getDouble("gg_log_likelihood"),
                            rs.getInt("members"),
                            rs.getInt("repeaters"),
                            rs.getObject("fitted_at", OffsetDateTime.class).toInstant()));
                }
            }
        });
    }
}
