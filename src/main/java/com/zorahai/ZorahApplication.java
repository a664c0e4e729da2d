package com.zorahai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Zorah platform: customer operations for many small service businesses in one application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZorahApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZorahApplication.class, args);
    }
}
