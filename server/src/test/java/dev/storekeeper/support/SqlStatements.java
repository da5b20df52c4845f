package dev.storekeeper.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Counts the SQL statements the server prepares or executes, to assert what a structure
 * guarantees (a list page costs a constant number of statements). Counts every thread, so
 * measure one request at a time.
 */
public class SqlStatements {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final AtomicLong count = new AtomicLong();

	/** How many statements {@code action} cost. */
	public <T> Counted<T> count(Supplier<T> action) {
		long before = this.count.get();
		T result = action.get();
		return new Counted<>(result, this.count.get() - before);
	}

	/** A result with the number of statements that produced it. */
	public record Counted<T>(T result, long statements) {
	}

	DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class, AutoCloseable.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					if (result instanceof Connection connection) {
						return connection(connection);
					}
					return result;
				});
	}

	private Connection connection(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (STATEMENT_METHODS.contains(method.getName())) {
				this.count.incrementAndGet();
			}
			return invoke(target, method, args);
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
