def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i in range(limit + 1) if is_prime[i]]


primes = sieve(100)
print(primes)
print(len(sieve(10000)), sieve(10000)[-1])
twins = [(p, p + 2) for p in primes if p + 2 in primes]
print(twins)
