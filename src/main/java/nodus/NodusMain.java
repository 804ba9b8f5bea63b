package nodus;

import org.springframework.boot.SpringApplication;

public final class NodusMain {
    public static void main(String[] args) {
        SpringApplication.run(NodusApplication.class, args);
    }
}
