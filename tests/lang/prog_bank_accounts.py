class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("cannot withdraw " + str(amount) + " from " + account.owner)
        self.amount = amount


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        Account.count += 1
        self.number = Account.count
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def available(self):
        return self.balance

    def month_end(self):
        pass

    def __repr__(self):
        return type(self).__name__ + "(#" + str(self.number) + " " + self.owner + ": " + str(self.balance) + ")"


class Savings(Account):
    def __init__(self, owner, balance=0, rate_percent=2):
        super().__init__(owner, balance)
        self.rate_percent = rate_percent

    def month_end(self):
        interest = self.balance * self.rate_percent // 100
        if interest:
            self.deposit(interest)


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            self.balance -= 5
            self.history.append(("fee", 5))


def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)


accounts = [Savings("ann", 1000, 3), Checking("bob", 50), Account("cy")]
transfer(accounts[0], accounts[1], 200)
transfer(accounts[1], accounts[2], 320)
try:
    transfer(accounts[1], accounts[2], 100)
except InsufficientFunds as e:
    print("refused:", e, "| amount", e.amount)
try:
    accounts[2].deposit(0)
except ValueError as e:
    print("refused:", e)
for a in accounts:
    a.month_end()
print(accounts)
for a in accounts:
    print(a.owner, a.history)
print("total:", sum([a.balance for a in accounts]))
