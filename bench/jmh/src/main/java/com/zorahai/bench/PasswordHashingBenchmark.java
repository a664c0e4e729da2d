package com.zorahai.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The bulk of a sign-in: checking a password against its BCrypt hash, at the cost factors worth choosing between
 * ({@code zorah.identity.bcrypt-strength}, default 10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordHashingBenchmark {

    @Param({"10", "12"})
    public int strength;

    private BCryptPasswordEncoder encoder;
    private String hash;

    @Setup
    public void setUp() {
        encoder = new BCryptPasswordEncoder(strength);
        hash = encoder.encode("correct-horse-battery-staple");
    }

    @Benchmark
    public boolean verify() {
        return encoder.matches("correct-horse-battery-staple", hash);
    }
}
