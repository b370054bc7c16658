package vn.ntm.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's OpenID Connect provider for the local run and the tests that start it: people sign in on its login
 * page, machines use client credentials, and the services verify its RS256 access tokens like Keycloak's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
