package org.unionreports.portal.web.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import org.springframework.stereotype.Component;

/**
 * The token buckets (Bucket4j) of the rate limits, one for each kind of work and each user or client
 * address, in memory: a bounded Caffeine map, so that a flood of addresses cannot fill the heap, and a
 * bucket untouched for a while is dropped (it would be full again by then anyway). Per instance: with
 * several portal instances each counts for itself.
 */
@Component
class RateLimits {

	/** The kinds of limited work, with the message key that names each for people. */
	enum Kind {

		SIGN_IN("rateLimit.what.signIn"), EXTRACT("rateLimit.what.extract"), IMPORT("rateLimit.what.import"),
		PDF("rateLimit.what.pdf");

		final String messageKey;

		Kind(String messageKey) {
			this.messageKey = messageKey;
		}

	}

	private static final long UNIT_BYTES = 64 * 1024;

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	RateLimits(RateLimitProperties properties) {
		this.properties = properties;
	}

	boolean enabled() {
		return this.properties.isEnabled();
	}

	/** What a request with a body of this many bytes (-1: not said) costs: one, and one per started 64 KB. */
	static long cost(long bodyBytes) {
		long bytes = bodyBytes < 0 ? 1024 * 1024 : bodyBytes;
		return 1 + (bytes + UNIT_BYTES - 1) / UNIT_BYTES;
	}

	/**
	 * Takes the cost from the user's bucket (if signed in) and the address's; if either has not enough, takes
	 * nothing and says how long to wait.
	 */
	Optional<Duration> take(Kind kind, String user, String address, long cost) {
		RateLimitProperties.Limit limit = limit(kind);
		if (!enabled() || limit == null) {
			return Optional.empty();
		}
		Bucket byUser = user == null || limit.perUser() == null ? null : bucket(kind, "user:" + user, limit.perUser(), limit);
		Bucket byAddress = address == null || limit.perAddress() == null ? null
				: bucket(kind, "address:" + address, limit.perAddress(), limit);
		long userCost = byUser == null ? 0 : Math.min(cost, limit.perUser());
		if (byUser != null) {
			ConsumptionProbe probe = byUser.tryConsumeAndReturnRemaining(userCost);
			if (!probe.isConsumed()) {
				return Optional.of(wait(probe));
			}
		}
		if (byAddress != null) {
			ConsumptionProbe probe = byAddress.tryConsumeAndReturnRemaining(Math.min(cost, limit.perAddress()));
			if (!probe.isConsumed()) {
				if (byUser != null) {
					byUser.addTokens(userCost); // refused all the same: the user's share is not spent
				}
				return Optional.of(wait(probe));
			}
		}
		return Optional.empty();
	}

	/** How long this address must wait before it may try again, if its failures have used up its share. */
	Optional<Duration> waitOfAddress(Kind kind, String address) {
		Bucket bucket = addressBucket(kind, address);
		if (bucket == null) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Counts one failure of this address against its share. */
	void countFailure(Kind kind, String address) {
		Bucket bucket = addressBucket(kind, address);
		if (bucket != null) {
			bucket.tryConsume(1);
		}
	}

	private Bucket addressBucket(Kind kind, String address) {
		RateLimitProperties.Limit limit = limit(kind);
		if (!enabled() || limit == null || limit.perAddress() == null || address == null) {
			return null;
		}
		return bucket(kind, "address:" + address, limit.perAddress(), limit);
	}

	private static Duration wait(ConsumptionProbe probe) {
		return Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Bucket bucket(Kind kind, String who, int capacity, RateLimitProperties.Limit limit) {
		Duration period = limit.period() == null ? Duration.ofMinutes(1) : limit.period();
		return this.buckets.get(kind + "|" + who, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build());
	}

	private RateLimitProperties.Limit limit(Kind kind) {
		return switch (kind) {
			case SIGN_IN -> this.properties.signIn();
			case EXTRACT -> this.properties.extract();
			case IMPORT -> this.properties.imports();
			case PDF -> this.properties.pdf();
		};
	}

}
