package vn.ntm.support.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.support.config.InstanceId;
import vn.ntm.support.config.SupportProperties;

/**
 * This instance's {@link InstanceId}, and {@link ExclusiveJobs} on ShedLock's JDBC provider: locks in the
 * {@code shedlock} table of the service's database (a service with scheduled jobs creates it in its Flyway
 * migrations), timed by the database's clock, so that the instances' clocks need not agree.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration"})
@EnableConfigurationProperties(SupportProperties.class)
public class SchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstanceId instanceId(SupportProperties properties) {
        return InstanceId.of(properties.instances());
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource, InstanceId instance) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .withLockedByValue(instance.value())
                .build());
    }

    @Bean
    @ConditionalOnBean(LockProvider.class)
    ExclusiveJobs exclusiveJobs(LockProvider locks) {
        return new ExclusiveJobs(new DefaultLockingTaskExecutor(locks));
    }
}
