// The ORM versions of the support matrix are installed side by side under aliases (drizzle-orm-1, typeorm-0.3...).
// drizzle-kit requires drizzle-orm by its own name (0.x undeclared, 1.0 as a peer, which the root's drizzle-orm
// would satisfy): each drizzle-kit of the matrix gets the drizzle-orm of its own release instead.
const drizzleOrmOfKit = { '0.28.0': '0.36.0', '1.0.0-rc.5': '1.0.0-rc.5' };

module.exports = {
  hooks: {
    readPackage(pkg) {
      const orm = pkg.name === 'drizzle-kit' ? drizzleOrmOfKit[pkg.version] : undefined;
      if (orm) {
        if (pkg.peerDependencies) delete pkg.peerDependencies['drizzle-orm'];
        pkg.dependencies = { ...pkg.dependencies, 'drizzle-orm': orm };
      }
      return pkg;
    },
  },
};
