package com.example.loyalty.metrics.domain.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood fits of {@link BgNbd} and {@link GammaGamma} with Hipparchus' BOBYQA (Powell's bound-constrained
 * derivative-free trust-region optimiser). Parameters are searched as logarithms (so they stay positive) within
 * e^±{@value #LOG_RANGE} of a start point; a parameter that ends at the edge of that box means the likelihood keeps
 * rising towards 0 or ∞ (the data do not identify the model), which is reported as a {@link FitException}, as is any
 * failure of the optimiser. Each fit is run twice, the second time from the first optimum, and the better kept: BOBYQA
 * may stop early when its first quadratic models are poor.
 *
 * <p>Members with the same summary are counted once with a weight, so a fit costs the number of distinct (x, t_x, T)
 * (or (x, zbar)) per evaluation, not the number of members.
 */
public final class ClvFitter {

    /**
     * Half-width of the search box of each log-parameter: e^±12, from 6e-6 to 1.6e5 times the start value (every
     * plausible value: r and the Beta shapes between 0.01 and 100, α and ν within a few orders of magnitude of a week and
     * of the mean spend). An optimum beyond it is a degenerate limit of the model (no heterogeneity, or no variance of
     * spend), where the likelihood is flat or keeps rising: reported, not returned.
     */
    static final double LOG_RANGE = 12;
    /** Initial trust-region radius in log space (a factor e). */
    static final double INITIAL_RADIUS = 1;
    /** Final trust-region radius in log space: parameters to about 1e-9 relative. */
    static final double STOPPING_RADIUS = 1e-9;
    /** Most likelihood evaluations per run. */
    static final int MAX_EVALUATIONS = 20_000;
    /** A log-parameter this close to the edge of its box has run away. */
    private static final double EDGE = 1e-2;

    /** A fitted BG/NBD model with its log-likelihood (sum over members) and how many members it was fitted on. */
    public record BgNbdFit(BgNbd model, double logLikelihood, int members, int evaluations) {}

    /** A fitted Gamma-Gamma model with its log-likelihood (sum over repeaters) and how many repeaters. */
    public record GammaGammaFit(GammaGamma model, double logLikelihood, int repeaters, int evaluations) {}

    private record BgNbdKey(int x, double tx, double t) {}

    private record SpendKey(int x, double zbar) {}

    private ClvFitter() {}

    /**
     * Fits BG/NBD to every member's (x, t_x, T), starting from r = α = a = b = 1 (as the {@code lifetimes} library).
     *
     * @throws FitException if there is no member, or no optimum inside the search box
     */
    public static BgNbdFit fitBgNbd(Collection<PurchaseSummary> members) {
        Map<BgNbdKey, Integer> weights = new LinkedHashMap<>();
        for (PurchaseSummary s : members) {
            weights.merge(new BgNbdKey(s.frequency(), s.recencyWeeks(), s.ageWeeks()), 1, Integer::sum);
        }
        if (weights.isEmpty()) {
            throw new FitException("BG/NBD needs at least one member");
        }
        int n = weights.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        int i = 0;
        for (Map.Entry<BgNbdKey, Integer> e : weights.entrySet()) {
            x[i] = e.getKey().x();
            tx[i] = e.getKey().tx();
            t[i] = e.getKey().t();
            w[i] = e.getValue();
            i++;
        }
        ToDoubleFunction<double[]> logLikelihood = log -> {
            BgNbd model = new BgNbd(Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]), Math.exp(log[3]));
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += w[k] * model.logLikelihood(x[k], tx[k], t[k]);
            }
            return sum;
        };
        Optimum best = maximise("BG/NBD", logLikelihood, new double[4], new String[] {"r", "α", "a", "b"});
        double[] p = best.point();
        return new BgNbdFit(
                new BgNbd(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])),
                best.value(),
                members.size(),
                best.evaluations());
    }

    /**
     * Fits Gamma-Gamma to the repeaters among {@code members} (x &gt; 0; the others carry no spend information),
     * starting from p = 1, q = 2, ν = the mean of zbar (so the starting population mean equals the sample's whatever
     * the currency's units).
     *
     * @throws FitException if there is no repeater, or no optimum inside the search box
     */
    public static GammaGammaFit fitGammaGamma(Collection<PurchaseSummary> members) {
        Map<SpendKey, Integer> weights = new LinkedHashMap<>();
        double zbarSum = 0;
        int repeaters = 0;
        for (PurchaseSummary s : members) {
            if (s.isRepeater()) {
                weights.merge(new SpendKey(s.frequency(), s.meanRepeatSpend()), 1, Integer::sum);
                zbarSum += s.meanRepeatSpend();
                repeaters++;
            }
        }
        if (repeaters == 0) {
            throw new FitException("Gamma-Gamma needs at least one member with a repeat purchase");
        }
        int n = weights.size();
        int[] x = new int[n];
        double[] zbar = new double[n];
        double[] w = new double[n];
        int i = 0;
        for (Map.Entry<SpendKey, Integer> e : weights.entrySet()) {
            x[i] = e.getKey().x();
            zbar[i] = e.getKey().zbar();
            w[i] = e.getValue();
            i++;
        }
        ToDoubleFunction<double[]> logLikelihood = log -> {
            GammaGamma model = new GammaGamma(Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]));
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += w[k] * model.logLikelihood(x[k], zbar[k]);
            }
            return sum;
        };
        double[] start = {0, Math.log(2), Math.log(zbarSum / repeaters)};
        Optimum best = maximise("Gamma-Gamma", logLikelihood, start, new String[] {"p", "q", "ν"});
        double[] p = best.point();
        return new GammaGammaFit(
                new GammaGamma(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2])),
                best.value(),
                repeaters,
                best.evaluations());
    }

    private record Optimum(double[] point, double value, int evaluations) {}

    private static Optimum maximise(
            String modelName, ToDoubleFunction<double[]> logLikelihood, double[] start, String[] names) {
        int dimension = start.length;
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            lower[k] = start[k] - LOG_RANGE;
            upper[k] = start[k] + LOG_RANGE;
        }
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            double value = logLikelihood.applyAsDouble(point);
            if (Double.isNaN(value) || value == Double.POSITIVE_INFINITY) {
                throw new FitException(modelName + " log-likelihood is not finite at " + describe(point, names));
            }
            return value;
        });
        try {
            Optimum first = run(objective, start, lower, upper);
            Optimum second = run(objective, first.point(), lower, upper);
            Optimum best = second.value() >= first.value() ? second : first;
            best = new Optimum(best.point(), best.value(), first.evaluations() + second.evaluations());
            for (int k = 0; k < dimension; k++) {
                double p = best.point()[k];
                if (p - lower[k] < EDGE || upper[k] - p < EDGE) {
                    throw new FitException(modelName + " did not converge: " + names[k] + " ran towards "
                            + (p - lower[k] < EDGE ? "0" : "∞") + " (" + describe(best.point(), names)
                            + "); the purchases do not identify the model (too few members, or too little variation)");
                }
            }
            if (!Double.isFinite(best.value())) {
                throw new FitException(modelName + " did not converge: the log-likelihood is not finite");
            }
            return best;
        } catch (MathRuntimeException e) {
            throw new FitException(modelName + " did not converge: " + e.getMessage(), e);
        }
    }

    private static Optimum run(ObjectiveFunction objective, double[] start, double[] lower, double[] upper) {
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, INITIAL_RADIUS, STOPPING_RADIUS);
        PointValuePair optimum = optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS),
                objective,
                GoalType.MAXIMIZE,
                new InitialGuess(start),
                new SimpleBounds(lower, upper));
        return new Optimum(optimum.getPointRef(), optimum.getValue(), optimizer.getEvaluations());
    }

    private static String describe(double[] logPoint, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < logPoint.length; k++) {
            b.append(k == 0 ? "" : ", ")
                    .append(names[k])
                    .append(" = ")
                    .append(String.format("%.4g", Math.exp(logPoint[k])));
        }
        return b.toString();
    }
}
