package vn.ntm.criteria;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns what the criteria (tiêu chí) are and where each unit stands against them. */
@SpringBootApplication
public class CriteriaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CriteriaServiceApplication.class, args);
    }
}
