package vn.ntm.village;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the administrative units (tỉnh, huyện, xã, thôn) and each unit's standing in the programme. */
@SpringBootApplication
public class VillageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VillageServiceApplication.class, args);
    }
}
