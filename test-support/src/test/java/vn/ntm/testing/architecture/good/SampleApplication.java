package vn.ntm.testing.architecture.good;

@org.springframework.boot.autoconfigure.SpringBootApplication
class SampleApplication {
}
