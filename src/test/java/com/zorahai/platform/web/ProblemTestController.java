package com.zorahai.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API that exists only in tests, to provoke each kind of error.
 */
@RestController
@RequestMapping("/api/v1/test-problems")
class ProblemTestController {

    static final String SECRET_MESSAGE = "connection to db-internal-7.example failed with password hunter2";

    record Booking(@NotBlank String name, @Min(1) @Max(10) int seats, @Email String email, List<String> tags) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Booking create(@Valid @RequestBody Booking booking) {
        return booking;
    }

    @GetMapping("/{number}")
    int number(@PathVariable int number) {
        return number;
    }

    @GetMapping("/failure")
    String failure() {
        throw new IllegalStateException(SECRET_MESSAGE);
    }
}
