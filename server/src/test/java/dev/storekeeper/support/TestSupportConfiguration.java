package dev.storekeeper.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only beans: seller fixtures and the SQL statement counter wrapped around the data
 * source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	Sellers sellers(dev.storekeeper.accounts.Accounts accounts, dev.storekeeper.accounts.ApiTokens tokens) {
		return new Sellers(accounts, tokens);
	}

	@Bean
	SqlStatements sqlStatements() {
		return new SqlStatements();
	}

	@Bean
	static BeanPostProcessor countingDataSource(
			org.springframework.beans.factory.ObjectProvider<SqlStatements> counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					return counter.getObject().wrap(dataSource);
				}
				return bean;
			}
		};
	}

}
