package com.zorahai.platform.web;

import com.zorahai.platform.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API that exists only in tests, to provoke each kind of error.
 */
@RestController
@RequestMapping("/api/v1/test-problems")
class ProblemTestController {

    private final Validator validator;

    ProblemTestController(Validator validator) {
        this.validator = validator;
    }

    static final String SECRET_MESSAGE = "connection to db-internal-7.example failed with password hunter2";

    record Booking(@NotBlank String name, @Min(1) @Max(10) int seats, @Email String email, List<String> tags,
            @jakarta.validation.constraints.Size(max = 5) String roomType) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Booking create(@Valid @RequestBody Booking booking) {
        return booking;
    }

    @GetMapping("/{number}")
    int number(@PathVariable int number) {
        return number;
    }

    @GetMapping("/seats")
    int seats(@RequestParam @Min(1) @Max(10) int count) {
        return count;
    }

    @PostMapping("/idempotent")
    String idempotent(@RequestHeader("Idempotency-Key") String key) {
        return key;
    }

    @GetMapping("/owners-only")
    @PreAuthorize("hasRole('OWNER')")
    String ownersOnly() {
        return "owner";
    }

    @GetMapping("/bookings/{id}")
    Booking booking(@PathVariable String id) {
        throw ProblemException.notFound("booking", id);
    }

    @PostMapping(path = "/checked", consumes = MediaType.APPLICATION_JSON_VALUE)
    Booking checked(@RequestBody Booking booking) {
        Set<ConstraintViolation<Booking>> violations = validator.validate(booking);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (booking.name().equalsIgnoreCase("nobody")) {
            throw ProblemException.invalidField("name", "must be a real name");
        }
        return booking;
    }

    @GetMapping("/failure")
    String failure() {
        throw new IllegalStateException(SECRET_MESSAGE);
    }
}
