class Ticket:
    issued = 0

    def __init__(self, owner):
        Ticket.issued += 1
        self.number = Ticket.issued
        self.owner = owner

    def __repr__(self):
        return "Ticket(" + str(self.number) + ", " + repr(self.owner) + ")"


tickets = [Ticket(name) for name in ["ann", "bob", "cy"]]
print(tickets)
print(Ticket.issued, tickets[0].issued)
