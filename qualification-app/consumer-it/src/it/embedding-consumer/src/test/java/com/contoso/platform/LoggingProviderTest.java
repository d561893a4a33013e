package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** The library brings SLF4J's API only: the platform's logback is the one provider SLF4J finds. */
class LoggingProviderTest {

    @Test
    void slf4jLogsThroughLogback() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
    }

    @Test
    void logbackIsTheOnlyProviderOnTheClassPath() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(LogbackServiceProvider.class);
    }

    @Test
    void noSlf4j1BindingIsOnTheClassPath() {
        assertThat(getClass().getClassLoader().getResource("org/slf4j/impl/StaticLoggerBinder.class")).isNull();
    }
}
